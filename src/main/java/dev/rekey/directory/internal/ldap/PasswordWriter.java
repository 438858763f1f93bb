package dev.rekey.directory.internal.ldap;

import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.FullLDAPInterface;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings.Flavour;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Password writeback and unlock as the service account, with the server's refusals mapped. */
final class PasswordWriter {

  private static final Logger log = LoggerFactory.getLogger(PasswordWriter.class);

  /**
   * LDAP_SERVER_POLICY_HINTS_OID (MS-ADTS 3.1.1.3.4.1.32): asks AD to apply the password history
   * and minimum age to this administrative reset, as it would to a user's own change. Older servers
   * ignore it, so it is not critical.
   */
  static final String AD_POLICY_HINTS_OID = "1.2.840.113556.1.4.2239";

  private final Flavour flavour;

  PasswordWriter(Flavour flavour) {
    this.flavour = flavour;
  }

  void setPassword(FullLDAPInterface ldap, String dn, String newPassword) {
    if (flavour == Flavour.ACTIVE_DIRECTORY) {
      setUnicodePwd(ldap, dn, newPassword);
    } else {
      passwordModify(ldap, dn, newPassword);
    }
  }

  /** RFC 3062 Password Modify as an administrator: no old password, the ppolicy control asked. */
  private void passwordModify(FullLDAPInterface ldap, String dn, String newPassword) {
    PasswordModifyExtendedRequest request =
        new PasswordModifyExtendedRequest(
            dn,
            (String) null,
            newPassword,
            new Control[] {new DraftBeheraLDAPPasswordPolicy10RequestControl()});
    LDAPResult result;
    try {
      result = ldap.processExtendedOperation(request);
    } catch (LDAPException e) {
      result = e.toLDAPResult();
    }
    if (result.getResultCode() == ResultCode.SUCCESS) {
      return;
    }
    if (LdapConnector.isOutage(result.getResultCode())) {
      throw LdapConnector.unavailable("set a password", new LDAPException(result));
    }
    DraftBeheraLDAPPasswordPolicy10ErrorType error = UserBinds.policyError(result);
    if (error != null) {
      throw refused(PasswordRefusals.fromPolicyError(error), result);
    }
    ResultCode code = result.getResultCode();
    if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
      log.error("LDAP: the service account may not set passwords (insufficientAccessRights)");
      throw LdapConnector.unavailable("set a password", new LDAPException(result));
    }
    if (code == ResultCode.CONSTRAINT_VIOLATION || code == ResultCode.UNWILLING_TO_PERFORM) {
      throw refused(PasswordRefusals.fromText(result.getDiagnosticMessage()), result);
    }
    throw LdapConnector.unavailable("set a password", new LDAPException(result));
  }

  /** AD: replace unicodePwd with the quoted UTF-16LE password (MS-ADTS 3.1.1.3.1.5.2). */
  private void setUnicodePwd(FullLDAPInterface ldap, String dn, String newPassword) {
    ModifyRequest request =
        new ModifyRequest(
            dn,
            new Modification(
                ModificationType.REPLACE,
                "unicodePwd",
                ActiveDirectory.encodePassword(newPassword)));
    request.addControl(
        new Control(
            AD_POLICY_HINTS_OID,
            false,
            new ASN1OctetString(new ASN1Sequence(new ASN1Integer(1)).encode())));
    try {
      ldap.modify(request);
    } catch (LDAPException e) {
      String diagnostic = e.getDiagnosticMessage();
      String win32 = ActiveDirectory.errorCode(diagnostic).orElse("");
      if (LdapConnector.isOutage(e.getResultCode())) {
        throw LdapConnector.unavailable("set a password", e);
      }
      if (win32.equals(ActiveDirectory.ACCESS_DENIED)
          || e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
        log.error("LDAP: the service account may not reset passwords in Active Directory");
        throw LdapConnector.unavailable("set a password", e);
      }
      if (win32.equals(ActiveDirectory.NOT_ENCRYPTED)) {
        log.error("LDAP: Active Directory sets passwords only over LDAPS or StartTLS");
        throw new DirectoryUnavailable(
            "LDAP: Active Directory accepts a new password only over an encrypted connection;"
                + " use LDAPS or StartTLS",
            e);
      }
      if (e.getResultCode() == ResultCode.CONSTRAINT_VIOLATION
          || win32.equals(ActiveDirectory.PASSWORD_RESTRICTION)) {
        throw refused(ActiveDirectory.refusalReasons(diagnostic), e.toLDAPResult());
      }
      if (e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
        throw refused(PasswordRefusals.fromText(diagnostic), e.toLDAPResult());
      }
      throw LdapConnector.unavailable("set a password", e);
    }
  }

  /** Lifts a lockout; an account that was not locked is fine. */
  void unlock(FullLDAPInterface ldap, String dn) {
    Modification change =
        flavour == Flavour.ACTIVE_DIRECTORY
            // MS-ADTS 3.1.1.5.3.4: only 0 may be written to lockoutTime, which unlocks.
            ? new Modification(ModificationType.REPLACE, UserEntries.LOCKOUT_TIME, "0")
            // draft-behera-ldap-password-policy §5.3.3: removing the attribute unlocks.
            : new Modification(ModificationType.DELETE, UserEntries.PWD_ACCOUNT_LOCKED_TIME);
    try {
      ldap.modify(dn, change);
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
        return; // not locked
      }
      if (e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
        log.error("LDAP: the service account may not unlock accounts (insufficientAccessRights)");
      }
      throw LdapConnector.unavailable("unlock an account", e);
    }
  }

  private static DirectoryPasswordRefused refused(List<String> reasons, LDAPResult result) {
    // The diagnostic is the server's words about the policy; it never contains the password.
    return new DirectoryPasswordRefused(
        reasons,
        "LDAP: the directory refused the new password: "
            + result.getResultCode().getName()
            + (result.getDiagnosticMessage() == null
                ? ""
                : " (" + result.getDiagnosticMessage() + ")"));
  }
}
