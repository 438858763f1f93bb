package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.tenant.Tenants;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

@RekeyTest
class JdbcAccountDirectoryTest {

  static final String PASSWORD = "Correct-Horse-1";

  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;
  @MockitoSpyBean PasswordHashing hashing;

  UUID contoso() {
    return tenants.findByDomain("contoso.com").orElseThrow().id();
  }

  static String upn() {
    return "u" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
  }

  Account create(String upn, PasswordAuthority authority, Set<Role> roles) {
    return directory.create(
        new NewAccount(contoso(), upn, "Test User", "Test", "User", null, roles, authority),
        PASSWORD,
        false);
  }

  Account create(String upn) {
    return create(upn, PasswordAuthority.REKEY, Set.of());
  }

  @Test
  void createLowerCasesTheUpnAndDefaultsToRoleUser() {
    String upn = upn();
    Account account =
        directory.create(
            new NewAccount(
                contoso(),
                " " + upn.toUpperCase() + " ",
                " Test User ",
                null,
                null,
                "Mixed@Example.COM",
                Set.of(),
                PasswordAuthority.REKEY),
            PASSWORD,
            true);

    assertThat(account.upn()).isEqualTo(upn);
    assertThat(account.displayName()).isEqualTo("Test User");
    assertThat(account.email()).isEqualTo("mixed@example.com");
    assertThat(account.roles()).containsExactly(Role.USER);
    assertThat(account.enabled()).isTrue();
    assertThat(account.locked()).isFalse();
    assertThat(account.mustChangePassword()).isTrue();
    assertThat(account.passwordChangedAt()).isNotNull();
    assertThat(directory.findByUserId(upn.toUpperCase())).map(Account::id).contains(account.id());
  }

  @Test
  void createWhenUpnOutsideTenantDomainsThenRejected() {
    assertThatThrownBy(() -> create("eve@fabrikam.example"))
        .isInstanceOf(AccountRejected.class)
        .extracting(e -> ((AccountRejected) e).code())
        .isEqualTo("upn_domain");
  }

  @Test
  void createWhenUpnTakenThenRejectedWhateverTheCase() {
    String upn = upn();
    create(upn);
    assertThatThrownBy(() -> create(upn.toUpperCase()))
        .isInstanceOf(AccountRejected.class)
        .extracting(e -> ((AccountRejected) e).code())
        .isEqualTo("upn_taken");
  }

  @Test
  void createWhenUpnMalformedThenRejected() {
    for (String bad :
        List.of("no-at-sign", "@contoso.com", "a b@contoso.com", "a@b@contoso.com", "", "x@")) {
      assertThatThrownBy(() -> create(bad))
          .as("upn '%s'", bad)
          .isInstanceOf(AccountRejected.class)
          .extracting(e -> ((AccountRejected) e).code())
          .isEqualTo("upn_invalid");
    }
  }

  @Test
  void createWhenDisplayNameBlankThenRejected() {
    assertThatThrownBy(
            () ->
                directory.create(
                    new NewAccount(
                        contoso(), upn(), " ", null, null, null, Set.of(), PasswordAuthority.REKEY),
                    PASSWORD,
                    false))
        .isInstanceOf(AccountRejected.class);
  }

  @Test
  void authenticateAcceptsOnlyTheRightPasswordOfARekeyAccount() {
    String upn = upn();
    Account account = create(upn);

    assertThat(directory.authenticate(upn.toUpperCase(), PASSWORD))
        .map(Account::id)
        .contains(account.id());
    assertThat(directory.authenticate(upn, "wrong-password")).isEmpty();
    assertThat(directory.authenticate(upn, PASSWORD.toLowerCase())).isEmpty();
    assertThat(directory.authenticate(upn(), PASSWORD)).isEmpty();
    assertThat(directory.authenticate("x".repeat(400) + "@contoso.com", PASSWORD)).isEmpty();
  }

  @Test
  void authenticateWhenPasswordIsOwnedElsewhereThenEmpty() {
    String external = upn();
    create(external, PasswordAuthority.EXTERNAL, Set.of());
    String ldap = upn();
    create(ldap, PasswordAuthority.DIRECTORY, Set.of());

    assertThat(directory.authenticate(external, PASSWORD)).isEmpty();
    assertThat(directory.authenticate(ldap, PASSWORD)).isEmpty();
    assertThat(directory.authenticate("megan@contoso.com", "Welcome-to-Rekey-1")).isEmpty();
  }

  /** ASVS 5.0 §6.3.8: an unknown user costs one Argon2id hash, exactly like a wrong password. */
  @Test
  void authenticateUnknownOrExternalUserStillSpendsOneHash() {
    String external = upn();
    create(external, PasswordAuthority.EXTERNAL, Set.of());
    Account known = create(upn());

    clearInvocations(hashing);
    directory.authenticate(upn(), "guess-1");
    verify(hashing).burn("guess-1");

    clearInvocations(hashing);
    directory.authenticate(external, "guess-2");
    verify(hashing).burn("guess-2");

    clearInvocations(hashing);
    directory.authenticate(known.upn(), "guess-3");
    verify(hashing).matches(org.mockito.ArgumentMatchers.eq("guess-3"), anyString());
    verify(hashing, never()).burn(anyString());
  }

  @Test
  void passwordIsStoredAsArgon2idPhcHashNeverInClear() {
    Account account = create(upn());

    String hash =
        jdbc.sql("SELECT password_hash FROM account WHERE id = ?")
            .param(account.id())
            .query(String.class)
            .single();

    assertThat(hash)
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
        .doesNotContain(PASSWORD);
  }

  @Test
  void passwordHistoryKeepsTheLastFiveEvenWhenChangedInTheSameInstant() {
    Account account = create(upn());
    for (int i = 1; i <= 6; i++) {
      directory.setPassword(account.id(), "Password-number-" + i, false);
    }

    assertThat(historySize(account.id())).isEqualTo(5);
    for (int i = 2; i <= 6; i++) {
      assertThat(directory.isRecentPassword(account.id(), "Password-number-" + i))
          .as("password %d", i)
          .isTrue();
    }
    assertThat(directory.isRecentPassword(account.id(), "Password-number-1")).isFalse();
    assertThat(directory.isRecentPassword(account.id(), PASSWORD)).isFalse();
    assertThat(directory.authenticate(account.upn(), "Password-number-6")).isPresent();
    assertThat(directory.authenticate(account.upn(), "Password-number-5")).isEmpty();
  }

  @Test
  void setPasswordRecordsTheMustChangeFlag() {
    Account account = create(upn());
    directory.setPassword(account.id(), "Temporary-Password-1", true);
    assertThat(directory.findById(account.id()).orElseThrow().mustChangePassword()).isTrue();
    directory.setPassword(account.id(), "Chosen-Password-1", false);
    assertThat(directory.findById(account.id()).orElseThrow().mustChangePassword()).isFalse();
  }

  @Test
  void setPasswordWhenAccountIsExternalThenRejected() {
    Account account = create(upn(), PasswordAuthority.EXTERNAL, Set.of());
    assertThatThrownBy(() -> directory.setPassword(account.id(), "Another-Password-1", false))
        .isInstanceOf(AccountRejected.class)
        .extracting(e -> ((AccountRejected) e).code())
        .isEqualTo("password_not_managed");
    assertThatThrownBy(() -> directory.setPassword(UUID.randomUUID(), "Another-Password-1", false))
        .isInstanceOf(AccountRejected.class)
        .extracting(e -> ((AccountRejected) e).code())
        .isEqualTo("account_unknown");
  }

  @Test
  void enabledLockedAndLanguageAreStored() {
    Account account = create(upn());
    directory.setEnabled(account.id(), false);
    directory.setLocked(account.id(), true);
    directory.setPreferredLanguage(account.id(), "nl");

    Account read = directory.findById(account.id()).orElseThrow();
    assertThat(read.enabled()).isFalse();
    assertThat(read.locked()).isTrue();
    assertThat(read.preferredLanguage()).isEqualTo("nl");
  }

  @Test
  void findByRoleListsOnlyThatRoleInThatTenant() {
    String upn = upn();
    create(upn, PasswordAuthority.REKEY, Set.of(Role.HELPDESK, Role.USER));

    assertThat(directory.findByRole(contoso(), Role.HELPDESK))
        .extracting(Account::upn)
        .contains("helpdesk@contoso.com", upn)
        .doesNotContain("admin@contoso.com", "alain@contoso.com");
    assertThat(directory.findByRole(contoso(), Role.ADMIN))
        .extracting(Account::upn)
        .contains("admin@contoso.com")
        .doesNotContain(upn);
    assertThat(directory.findByRole(UUID.randomUUID(), Role.ADMIN)).isEmpty();
  }

  private long historySize(UUID accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM password_history WHERE account_id = ?")
        .param(accountId)
        .query(Long.class)
        .single();
  }

  @Test
  void setRolesReplacesTheRolesAndRefusesAnEmptySetOrUnknownAccount() {
    Account account = create(upn(), PasswordAuthority.REKEY, Set.of(Role.USER));

    directory.setRoles(account.id(), Set.of(Role.HELPDESK, Role.ADMIN));
    assertThat(directory.findById(account.id()).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.HELPDESK, Role.ADMIN);

    directory.setRoles(account.id(), Set.of(Role.USER));
    assertThat(directory.findById(account.id()).orElseThrow().roles()).containsExactly(Role.USER);

    assertThatThrownBy(() -> directory.setRoles(account.id(), Set.of()))
        .isInstanceOf(AccountRejected.class);
    assertThatThrownBy(() -> directory.setRoles(UUID.randomUUID(), Set.of(Role.USER)))
        .isInstanceOf(AccountRejected.class);
    assertThat(directory.findById(account.id()).orElseThrow().roles()).containsExactly(Role.USER);
  }
}
