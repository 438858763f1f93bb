package dev.rekey.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the real OpenLDAP 2.5 with ppolicy does when Rekey's service account writes passwords (RFC
 * 3062 Password Modify, draft-behera-ldap-password-policy-10 controls) and unlocks accounts.
 * Rekey's writeback, unlock and refusal mapping rely on each of these facts.
 */
@ExtendWith(RequiredServices.Slapd.class)
class SlapdTest {

  private static Slapd slapd;

  @BeforeAll
  static void start() {
    slapd = Slapd.start();
  }

  @AfterAll
  static void stop() {
    if (slapd != null) {
      slapd.close();
    }
  }

  /** Password Modify without the old password, as the service account, with the ppolicy control. */
  private static LDAPResult setPassword(String uid, String password) throws LDAPException {
    try (LDAPConnection service = slapd.serviceConnection()) {
      return service.processExtendedOperation(
          new PasswordModifyExtendedRequest(
              slapd.userDn(uid),
              (String) null,
              password,
              new Control[] {new DraftBeheraLDAPPasswordPolicy10RequestControl()}));
    }
  }

  private static DraftBeheraLDAPPasswordPolicy10ErrorType policyError(LDAPResult result)
      throws LDAPException {
    DraftBeheraLDAPPasswordPolicy10ResponseControl control =
        DraftBeheraLDAPPasswordPolicy10ResponseControl.get(result);
    return control == null ? null : control.getErrorType();
  }

  /** A user's bind with the ppolicy request control: its result, whether it failed or not. */
  private static LDAPResult bindWithPolicy(String uid, String password) throws LDAPException {
    try (LDAPConnection connection = new LDAPConnection(slapd.host(), slapd.port())) {
      return connection.bind(
          new SimpleBindRequest(
              slapd.userDn(uid), password, new DraftBeheraLDAPPasswordPolicy10RequestControl()));
    } catch (LDAPException e) {
      return e.toLDAPResult();
    }
  }

  @Test
  void passwordModifyByServiceAccountWhenNoOldPasswordThenUserBindsWithTheNewOneOnly()
      throws LDAPException {
    slapd.addUser("pm", Slapd.USER_PASSWORD);

    LDAPResult result = setPassword("pm", "Brand-new-pass-1");

    assertThat(result.getResultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(policyError(result)).isNull();
    assertThat(slapd.bind("pm", "Brand-new-pass-1")).isTrue();
    assertThat(slapd.bind("pm", Slapd.USER_PASSWORD)).isFalse();
    // ppolicy hashes the cleartext it receives (olcPPolicyHashCleartext): never stored in clear.
    assertThat(slapd.entry("pm", "userPassword").getAttributeValue("userPassword"))
        .startsWith("{SSHA}");
  }

  @Test
  void passwordModifyWhenTenCharactersThenConstraintViolationPasswordTooShort()
      throws LDAPException {
    slapd.addUser("short", Slapd.USER_PASSWORD);

    LDAPResult result = setPassword("short", "Abcdefg-10");

    assertThat(result.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
    assertThat(result.getDiagnosticMessage()).isEqualTo("Password fails quality checking policy");
    assertThat(policyError(result))
        .isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_SHORT);
    assertThat(slapd.bind("short", Slapd.USER_PASSWORD)).isTrue();
    assertThat(slapd.bind("short", "Abcdefg-10")).isFalse();
  }

  @Test
  void passwordModifyWhenAmongTheLastThreeThenPasswordInHistoryAndAfterThreeMoreChangesAllowed()
      throws LDAPException {
    slapd.addUser("hist", Slapd.USER_PASSWORD);
    assertThat(setPassword("hist", "History-pass-A").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(setPassword("hist", "History-pass-B").getResultCode()).isEqualTo(ResultCode.SUCCESS);

    LDAPResult old = setPassword("hist", Slapd.USER_PASSWORD);
    LDAPResult current = setPassword("hist", "History-pass-B");

    assertThat(old.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
    assertThat(old.getDiagnosticMessage()).isEqualTo("Password is in history of old passwords");
    assertThat(policyError(old))
        .isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY);
    // The current password is refused with the same control but another diagnostic message.
    assertThat(current.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
    assertThat(current.getDiagnosticMessage())
        .isEqualTo("Password is not being changed from existing value");
    assertThat(policyError(current))
        .isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY);
    assertThat(slapd.bind("hist", "History-pass-B")).isTrue();

    // pwdInHistory: 3 keeps three previous passwords; the fourth-oldest is free again.
    assertThat(setPassword("hist", "History-pass-C").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(setPassword("hist", "History-pass-D").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(setPassword("hist", Slapd.USER_PASSWORD).getResultCode())
        .isEqualTo(ResultCode.SUCCESS);
  }

  @Test
  void bindWhenThreeWrongPasswordsThenLockedUntilServiceAccountDeletesLockedTime()
      throws LDAPException {
    slapd.addUser("lock", Slapd.USER_PASSWORD);

    for (int i = 0; i < Slapd.MAX_FAILURES; i++) {
      LDAPResult wrong = bindWithPolicy("lock", "Wrong-password-" + i);
      assertThat(wrong.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
      assertThat(policyError(wrong)).isNull(); // no error type for a plain wrong password
    }

    assertThat(slapd.isLocked("lock")).isTrue();
    assertThat(slapd.entry("lock", "pwdFailureTime").getAttributeValues("pwdFailureTime"))
        .hasSize(Slapd.MAX_FAILURES);
    LDAPResult right = bindWithPolicy("lock", Slapd.USER_PASSWORD);
    // Locked: the right password gets invalidCredentials (49), told apart only by the control.
    assertThat(right.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    assertThat(policyError(right))
        .isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.ACCOUNT_LOCKED);
    LDAPResult wrong = bindWithPolicy("lock", "Still-wrong-1");
    assertThat(policyError(wrong))
        .isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.ACCOUNT_LOCKED);

    try (LDAPConnection service = slapd.serviceConnection()) {
      service.modify(
          slapd.userDn("lock"), new Modification(ModificationType.DELETE, "pwdAccountLockedTime"));
    }

    assertThat(slapd.isLocked("lock")).isFalse();
    // Deleting the lock also clears the recorded failures: the count starts again from zero.
    assertThat(slapd.entry("lock", "pwdFailureTime").hasAttribute("pwdFailureTime")).isFalse();
    LDAPResult after = bindWithPolicy("lock", Slapd.USER_PASSWORD);
    assertThat(after.getResultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(policyError(after)).isNull();
  }

  @Test
  void unlockWhenNotLockedThenNoSuchAttribute() throws LDAPException {
    slapd.addUser("unlocked", Slapd.USER_PASSWORD);

    try (LDAPConnection service = slapd.serviceConnection()) {
      assertThatThrownBy(
              () ->
                  service.modify(
                      slapd.userDn("unlocked"),
                      new Modification(ModificationType.DELETE, "pwdAccountLockedTime")))
          .isInstanceOfSatisfying(
              LDAPException.class,
              e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.NO_SUCH_ATTRIBUTE));
    }
  }

  @Test
  void passwordModifyByServiceAccountWhenLockedThenClearsTheLockAndSetsNoPwdReset()
      throws LDAPException {
    slapd.addUser("relock", Slapd.USER_PASSWORD);
    slapd.lockOut("relock");
    assertThat(slapd.isLocked("relock")).isTrue();

    assertThat(setPassword("relock", "After-lockout-1").getResultCode())
        .isEqualTo(ResultCode.SUCCESS);

    SearchResultEntry entry =
        slapd.entry("relock", "pwdAccountLockedTime", "pwdFailureTime", "pwdReset");
    assertThat(entry.hasAttribute("pwdAccountLockedTime")).isFalse();
    assertThat(entry.hasAttribute("pwdFailureTime")).isFalse();
    assertThat(entry.hasAttribute("pwdReset")).isFalse();
    LDAPResult bind = bindWithPolicy("relock", "After-lockout-1");
    assertThat(bind.getResultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(policyError(bind)).isNull();
  }

  @Test
  void passwordModifyByServiceAccountWhenPolicyMustChangeThenStillNoPwdReset()
      throws LDAPException {
    slapd.addUser("mustchange", Slapd.USER_PASSWORD);
    slapd.policy("pwdMustChange", "TRUE");
    try {
      assertThat(setPassword("mustchange", "Must-change-33").getResultCode())
          .isEqualTo(ResultCode.SUCCESS);

      // Only a password administrator (manage access to userPassword) triggers pwdReset; the
      // service account has write access, so the user is not forced to change it again.
      assertThat(slapd.entry("mustchange", "pwdReset").hasAttribute("pwdReset")).isFalse();
      LDAPResult bind = bindWithPolicy("mustchange", "Must-change-33");
      assertThat(bind.getResultCode()).isEqualTo(ResultCode.SUCCESS);
      assertThat(policyError(bind)).isNull();
    } finally {
      slapd.policy("pwdMustChange", "FALSE");
    }
  }

  @Test
  void passwordModifyByPasswordAdministratorThenPolicyNotCheckedAndPwdResetForcesChange()
      throws LDAPException {
    slapd.addUser("pwadmin", Slapd.USER_PASSWORD);
    slapd.policy("pwdMustChange", "TRUE");
    try (LDAPConnection admin = slapd.passwordAdminConnection()) {
      // manage on userPassword makes an identity a password administrator (slapo-ppolicy(5)):
      // neither pwdMinLength nor pwdInHistory apply, which is why Rekey's account must not have it.
      LDAPResult result =
          admin.processExtendedOperation(
              new PasswordModifyExtendedRequest(
                  slapd.userDn("pwadmin"),
                  (String) null,
                  "short",
                  new Control[] {new DraftBeheraLDAPPasswordPolicy10RequestControl()}));

      assertThat(result.getResultCode()).isEqualTo(ResultCode.SUCCESS);
      assertThat(slapd.entry("pwadmin", "pwdReset").getAttributeValue("pwdReset"))
          .isEqualTo("TRUE");
      LDAPResult bind = bindWithPolicy("pwadmin", "short");
      assertThat(bind.getResultCode()).isEqualTo(ResultCode.SUCCESS);
      assertThat(policyError(bind))
          .isEqualTo(DraftBeheraLDAPPasswordPolicy10ErrorType.CHANGE_AFTER_RESET);
    } finally {
      slapd.policy("pwdMustChange", "FALSE");
    }
  }

  @Test
  void serviceAccountWhenWrongSecretsThenNeverLocked() throws LDAPException {
    for (int i = 0; i <= Slapd.MAX_FAILURES; i++) {
      try (LDAPConnection connection = new LDAPConnection(slapd.host(), slapd.port())) {
        assertThatThrownBy(() -> connection.bind(slapd.serviceDn(), "wrong-service-secret"))
            .isInstanceOfSatisfying(
                LDAPException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
      }
    }

    try (LDAPConnection service = slapd.serviceConnection()) {
      assertThat(service.getEntry(slapd.userDn("bob"), "uid").getAttributeValue("uid"))
          .isEqualTo("bob");
    }
  }

  @Test
  void rootDnBypassesThePolicy() throws LDAPException {
    slapd.addUser("rooted", Slapd.USER_PASSWORD);

    try (LDAPConnection root = slapd.connection()) {
      LDAPResult result =
          root.processExtendedOperation(
              new PasswordModifyExtendedRequest(slapd.userDn("rooted"), null, "short"));
      assertThat(result.getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }
    assertThat(slapd.bind("rooted", "short")).isTrue();
  }

  @Test
  void serviceAccountCannotReadPasswordsButReadsTheRest() throws LDAPException {
    try (LDAPConnection service = slapd.serviceConnection()) {
      SearchResultEntry alice =
          service.getEntry(slapd.userDn("alice"), "uid", "mail", "userPassword", "memberOf");

      assertThat(alice.getAttributeValue("mail")).isEqualTo("alice@fabrikam.example");
      assertThat(alice.hasAttribute("userPassword")).isFalse();
      // memberOf lists direct groups only; nesting is found through the groups' member values.
      assertThat(alice.getAttributeValues("memberOf")).containsExactly(slapd.groupDn("staff"));
      assertThat(service.getEntry(slapd.groupDn("everyone"), "member").getAttributeValues("member"))
          .containsExactlyInAnyOrder(slapd.groupDn("staff"), slapd.groupDn("managers"));
    }
  }

  @Test
  void renameKeepsEntryUuidAndGroupMembership() throws LDAPException {
    slapd.addUser("before", Slapd.USER_PASSWORD, "renamed-group");
    String uuid = slapd.entry("before", "entryUUID").getAttributeValue("entryUUID");

    String dn = slapd.rename("before", "after");

    assertThat(slapd.entry("before", "entryUUID")).isNull();
    SearchResultEntry after = slapd.entry("after", "entryUUID", "memberOf");
    assertThat(after.getDN()).isEqualTo(dn);
    assertThat(after.getAttributeValue("entryUUID")).isEqualTo(uuid);
    assertThat(after.getAttributeValues("memberOf"))
        .containsExactly(slapd.groupDn("renamed-group"));
    try (LDAPConnection service = slapd.serviceConnection()) {
      assertThat(
              service
                  .getEntry(slapd.groupDn("renamed-group"), "member")
                  .getAttributeValues("member"))
          .containsExactly(dn);
    }
    assertThat(slapd.bind("after", Slapd.USER_PASSWORD)).isTrue();
  }
}
