package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import dev.rekey.directory.LdapSettings.Flavour;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users' own binds (sign-in), each on a new connection so the pool's identity never changes. */
final class UserBinds {

  private static final Logger log = LoggerFactory.getLogger(UserBinds.class);

  private final LdapConnector connector;

  UserBinds(LdapConnector connector) {
    this.connector = connector;
  }

  BindOutcome bind(String dn, String password) {
    // RFC 4513 §5.1.2: a simple bind with a DN and an empty password is an "unauthenticated" bind
    // that many servers answer with success. It must never count as a proven password, so it is
    // refused here without asking the server.
    if (dn.isBlank() || password.isEmpty()) {
      return BindOutcome.INVALID_CREDENTIALS;
    }
    boolean generic = connector.settings().flavour() == Flavour.GENERIC;
    Control[] controls =
        generic
            ? new Control[] {new DraftBeheraLDAPPasswordPolicy10RequestControl()}
            : new Control[0];
    LDAPConnection connection;
    try {
      connection = connector.connect();
    } catch (LDAPException e) {
      throw LdapConnector.unavailable("connect for a user's bind", e);
    }
    try (connection) {
      BindResult result = connection.bind(new SimpleBindRequest(dn, password, controls));
      return generic ? policyOutcome(result, BindOutcome.OK) : BindOutcome.OK;
    } catch (LDAPException e) {
      return refused(e, generic);
    }
  }

  private BindOutcome refused(LDAPException e, boolean generic) {
    ResultCode code = e.getResultCode();
    if (LdapConnector.isOutage(code)) {
      throw LdapConnector.unavailable("bind as a user", e);
    }
    if (generic) {
      return policyOutcome(e.toLDAPResult(), BindOutcome.INVALID_CREDENTIALS);
    }
    if (code == ResultCode.INVALID_CREDENTIALS) {
      return ActiveDirectory.bindOutcome(e.getDiagnosticMessage());
    }
    if (code != ResultCode.INVALID_DN_SYNTAX && code != ResultCode.NO_SUCH_OBJECT) {
      log.warn("LDAP: a user's bind was refused with {}", code.getName());
    }
    return BindOutcome.INVALID_CREDENTIALS;
  }

  /**
   * Reads the ppolicy response control (draft-behera-ldap-password-policy §8.1.3): OpenLDAP answers
   * a bind of a locked or expired account with invalidCredentials plus this control, and a bind
   * after an administrator's reset with success plus changeAfterReset.
   */
  private static BindOutcome policyOutcome(LDAPResult result, BindOutcome otherwise) {
    DraftBeheraLDAPPasswordPolicy10ErrorType error = policyError(result);
    if (error == null) {
      return otherwise;
    }
    return switch (error) {
      case ACCOUNT_LOCKED -> BindOutcome.LOCKED;
      case PASSWORD_EXPIRED -> BindOutcome.PASSWORD_EXPIRED;
      case CHANGE_AFTER_RESET -> BindOutcome.MUST_CHANGE;
      default -> otherwise;
    };
  }

  static @Nullable DraftBeheraLDAPPasswordPolicy10ErrorType policyError(LDAPResult result) {
    try {
      DraftBeheraLDAPPasswordPolicy10ResponseControl control =
          DraftBeheraLDAPPasswordPolicy10ResponseControl.get(result);
      return control == null ? null : control.getErrorType();
    } catch (LDAPException e) {
      log.warn("LDAP: unreadable password policy response control");
      return null;
    }
  }
}
