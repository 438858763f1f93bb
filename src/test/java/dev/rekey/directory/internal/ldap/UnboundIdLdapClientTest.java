package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnboundIdLdapClientTest {

  private TestDirectory directory;
  private UnboundIdLdapClient client;

  @BeforeEach
  void start() throws Exception {
    directory = TestDirectory.start();
    client = new UnboundIdLdapClient(directory.settings().build());
  }

  @AfterEach
  void stop() {
    client.close();
    directory.close();
  }

  @Test
  void findUserByUidReadsTheMappedAttributes() throws Exception {
    LdapUser alice = client.findUser("alice").orElseThrow();

    assertThat(alice.dn()).isEqualTo(TestDirectory.ALICE_DN);
    assertThat(alice.userId()).isEqualTo("alice");
    assertThat(alice.displayName()).isEqualTo("Alice Jansen");
    assertThat(alice.firstName()).isEqualTo("Alice");
    assertThat(alice.lastName()).isEqualTo("Jansen");
    assertThat(alice.email()).isEqualTo("alice@fabrikam.example");
    assertThat(alice.disabled()).isFalse();
    assertThat(alice.locked()).isFalse();
    assertThat(alice.groups()).isEmpty();
    assertThat(alice.stableId())
        .isEqualTo(directory.entry(TestDirectory.ALICE_DN).getAttributeValue("entryUUID"))
        .matches("[0-9a-f-]{36}");
  }

  @Test
  void findUserByMailWhenMailIsTheUserIdAttribute() {
    TestSettings settings = directory.settings();
    settings.userIdAttribute = "mail";
    try (UnboundIdLdapClient byMail = new UnboundIdLdapClient(settings.build())) {
      assertThat(byMail.findUser("alice@fabrikam.example"))
          .map(LdapUser::dn)
          .contains(TestDirectory.ALICE_DN);
      assertThat(byMail.findUser("alice")).isEmpty();
    }
  }

  @Test
  void findUserWhenValueIsAFilterInjectionThenFindsNothing() {
    assertThat(client.findUser("*)(uid=*")).isEmpty();
    assertThat(client.findUser("*")).isEmpty();
    assertThat(client.findUser("alice)(|(uid=*")).isEmpty();
  }

  @Test
  void findUserWhenOutsideTheUserFilterThenNotFound() {
    TestSettings settings = directory.settings();
    settings.userFilter = "(objectClass=posixAccount)";
    try (UnboundIdLdapClient filtered = new UnboundIdLdapClient(settings.build())) {
      assertThat(filtered.findUser("alice")).isEmpty();
    }
  }

  @Test
  void findUserWhenTwoEntriesMatchThenNotFound() throws Exception {
    directory.addPerson("alice2", "mail: shared@fabrikam.example");
    directory.addPerson("alice3", "mail: shared@fabrikam.example");
    TestSettings settings = directory.settings();
    settings.userIdAttribute = "mail";
    try (UnboundIdLdapClient byMail = new UnboundIdLdapClient(settings.build())) {
      assertThat(byMail.findUser("shared@fabrikam.example")).isEmpty();
    }
  }

  @Test
  void displayNameFallsBackToFirstAndLastNameThenToTheUserId() throws Exception {
    directory.addPerson("bob", "givenName: Bob");
    directory
        .server()
        .modify("dn: uid=bob," + TestDirectory.PEOPLE, "changetype: modify", "delete: sn");
    directory.addPerson("carol");
    TestSettings settings = directory.settings();
    settings.lastNameAttribute = "surname";
    try (UnboundIdLdapClient noSn = new UnboundIdLdapClient(settings.build())) {
      assertThat(noSn.findUser("bob").orElseThrow().displayName()).isEqualTo("Bob");
      assertThat(noSn.findUser("carol").orElseThrow().displayName()).isEqualTo("carol");
    }
  }

  @Test
  void findByStableIdAfterARenameFindsTheMovedEntry() throws Exception {
    String stableId = client.findUser("alice").orElseThrow().stableId();
    directory
        .server()
        .add("dn: ou=moved," + TestDirectory.BASE, "objectClass: organizationalUnit", "ou: moved");
    directory
        .server()
        .modifyDN(
            TestDirectory.ALICE_DN, "uid=alice.jansen", true, "ou=moved," + TestDirectory.BASE);

    LdapUser moved = client.findByStableId(stableId).orElseThrow();

    assertThat(moved.dn()).isEqualTo("uid=alice.jansen,ou=moved," + TestDirectory.BASE);
    assertThat(moved.stableId()).isEqualTo(stableId);
    assertThat(moved.userId()).isEqualTo("alice.jansen");
    assertThat(client.findByStableId("not-a-uuid")).isEmpty();
    assertThat(client.findByStableId("00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void bindWithTheRightPasswordIsOk() {
    assertThat(client.bind(TestDirectory.ALICE_DN, TestDirectory.ALICE_PASSWORD))
        .isEqualTo(BindOutcome.OK);
  }

  @Test
  void bindWithAWrongPasswordOrUnknownDnIsInvalidCredentials() {
    assertThat(client.bind(TestDirectory.ALICE_DN, "wrong"))
        .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    assertThat(client.bind("uid=nobody," + TestDirectory.PEOPLE, "x"))
        .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
  }

  @Test
  void bindWithAnEmptyPasswordIsRefusedWithoutAskingTheServer() {
    // The in-memory server, like many, would accept an unauthenticated bind (RFC 4513 §5.1.2).
    directory.close();
    assertThat(client.bind(TestDirectory.ALICE_DN, "")).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
  }

  @Test
  void bindReadsThePasswordPolicyResponseControl() {
    for (var expected :
        List.of(
            List.of(
                DraftBeheraLDAPPasswordPolicy10ErrorType.ACCOUNT_LOCKED,
                BindOutcome.LOCKED,
                ResultCode.INVALID_CREDENTIALS),
            List.of(
                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_EXPIRED,
                BindOutcome.PASSWORD_EXPIRED,
                ResultCode.INVALID_CREDENTIALS),
            List.of(
                DraftBeheraLDAPPasswordPolicy10ErrorType.CHANGE_AFTER_RESET,
                BindOutcome.MUST_CHANGE,
                ResultCode.SUCCESS))) {
      var error = (DraftBeheraLDAPPasswordPolicy10ErrorType) expected.get(0);
      var code = (ResultCode) expected.get(2);
      directory.script.userBindResult =
          id ->
              new BindResult(
                  id,
                  code,
                  null,
                  null,
                  null,
                  new Control[] {
                    new DraftBeheraLDAPPasswordPolicy10ResponseControl(null, -1, error)
                  });
      assertThat(client.bind(TestDirectory.ALICE_DN, TestDirectory.ALICE_PASSWORD))
          .as(error.getName())
          .isEqualTo(expected.get(1));
    }
  }

  @Test
  void setPasswordThenTheNewPasswordBindsAndTheOldDoesNot() throws Exception {
    client.setPassword(TestDirectory.ALICE_DN, "Brand-New-Pass-2");

    assertThat(directory.entry(TestDirectory.ALICE_DN).getAttributeValue("userPassword"))
        .isEqualTo("Brand-New-Pass-2");
    assertThat(client.bind(TestDirectory.ALICE_DN, "Brand-New-Pass-2")).isEqualTo(BindOutcome.OK);
    assertThat(client.bind(TestDirectory.ALICE_DN, TestDirectory.ALICE_PASSWORD))
        .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
  }

  @Test
  void setPasswordWhenThePolicyRefusesThenItsReasonIsGiven() throws Exception {
    directory.script.extendedResult =
        id ->
            new ExtendedResult(
                id,
                ResultCode.CONSTRAINT_VIOLATION,
                "Password is in history of old passwords",
                null,
                null,
                null,
                null,
                new Control[] {
                  new DraftBeheraLDAPPasswordPolicy10ResponseControl(
                      null, -1, DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY)
                });

    assertThatThrownBy(() -> client.setPassword(TestDirectory.ALICE_DN, "Alice-Old-Pass-0"))
        .isInstanceOfSatisfying(
            DirectoryPasswordRefused.class,
            e -> assertThat(e.reasons()).containsExactly(DirectoryPasswordRefused.IN_HISTORY))
        .hasMessageNotContaining("Alice-Old-Pass-0");
  }

  @Test
  void setPasswordWhenRefusedWithoutTheControlThenTheTextIsRead() {
    directory.script.extendedResult =
        id ->
            new ExtendedResult(
                id,
                ResultCode.CONSTRAINT_VIOLATION,
                "Password is too short for policy",
                null,
                null,
                null,
                null,
                null);

    assertThatThrownBy(() -> client.setPassword(TestDirectory.ALICE_DN, "x"))
        .isInstanceOfSatisfying(
            DirectoryPasswordRefused.class,
            e -> assertThat(e.reasons()).containsExactly(DirectoryPasswordRefused.TOO_SHORT));
  }

  @Test
  void setPasswordWhenTheServiceAccountLacksRightsThenUnavailable() {
    directory.script.extendedResult =
        id ->
            new ExtendedResult(
                id,
                ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                "no write access",
                null,
                null,
                null,
                null,
                null);

    assertThatThrownBy(() -> client.setPassword(TestDirectory.ALICE_DN, "Another-Pass-3"))
        .isInstanceOf(DirectoryUnavailable.class)
        .hasMessageNotContaining("Another-Pass-3");
  }

  @Test
  void unlockRemovesTheLockAndReadsItBefore() throws Exception {
    directory
        .server()
        .modify(
            "dn: " + TestDirectory.ALICE_DN,
            "changetype: modify",
            "add: pwdAccountLockedTime",
            "pwdAccountLockedTime: 20261130120000Z");
    LdapUser locked = client.findUser("alice").orElseThrow();
    assertThat(locked.locked()).isTrue();
    assertThat(locked.disabled()).isFalse();

    client.unlock(TestDirectory.ALICE_DN);

    assertThat(directory.entry(TestDirectory.ALICE_DN).hasAttribute("pwdAccountLockedTime"))
        .isFalse();
    assertThat(client.findUser("alice").orElseThrow().locked()).isFalse();
    client.unlock(TestDirectory.ALICE_DN); // not locked: fine
  }

  @Test
  void aPermanentPpolicyLockMeansDisabled() throws Exception {
    directory
        .server()
        .modify(
            "dn: " + TestDirectory.ALICE_DN,
            "changetype: modify",
            "add: pwdAccountLockedTime",
            "pwdAccountLockedTime: 000001010000Z");

    LdapUser alice = client.findUser("alice").orElseThrow();

    assertThat(alice.locked()).isTrue();
    assertThat(alice.disabled()).isTrue();
  }

  @Test
  void forEachUserPagesThroughMoreThanOnePage() throws Exception {
    for (int i = 0; i < 1100; i++) {
      directory.addPerson("user" + i);
    }
    List<String> seen = new ArrayList<>();

    client.forEachUser(user -> seen.add(user.userId()));

    assertThat(seen).hasSize(1101).doesNotHaveDuplicates().contains("alice", "user0", "user1099");
    assertThat(directory.script.pagedSearches.get()).isEqualTo(3);
  }

  @Test
  void whenTheServerStopsThenEveryOperationIsUnavailable() {
    assertThat(client.findUser("alice")).isPresent();
    directory.close();

    assertThatThrownBy(() -> client.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);
    assertThatThrownBy(() -> client.bind(TestDirectory.ALICE_DN, "x"))
        .isInstanceOf(DirectoryUnavailable.class);
    assertThatThrownBy(() -> client.setPassword(TestDirectory.ALICE_DN, "Secret-Pass-9"))
        .isInstanceOf(DirectoryUnavailable.class)
        .hasMessageNotContaining("Secret-Pass-9");
    assertThatThrownBy(() -> client.unlock(TestDirectory.ALICE_DN))
        .isInstanceOf(DirectoryUnavailable.class);
    assertThatThrownBy(() -> client.forEachUser(u -> {})).isInstanceOf(DirectoryUnavailable.class);
  }
}
