package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.LdapSettings;
import dev.rekey.support.RequiredServices;
import dev.rekey.support.Slapd;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rekey's UnboundID client against a real OpenLDAP with ppolicy (generic flavour): RFC 3062
 * writeback as the service account, the server's own refusals as reasons, lockout and unlock, and
 * the stable identifier (entryUUID) across a rename.
 */
@ExtendWith(RequiredServices.Slapd.class)
class OpenLdapClientTest {

  private static final UUID TENANT = UUID.randomUUID();
  private static Slapd slapd;
  private UnboundIdLdapClients clients;

  @BeforeAll
  static void start() {
    slapd = Slapd.startWithTls();
  }

  @AfterAll
  static void stop() {
    if (slapd != null) {
      slapd.close();
    }
  }

  @AfterEach
  void closeClients() {
    if (clients != null) {
      clients.invalidate(TENANT);
    }
  }

  private LdapClient client(LdapSettings settings) {
    clients = new UnboundIdLdapClients(tenant -> Optional.of(settings));
    return clients.forTenant(TENANT).orElseThrow();
  }

  private LdapClient client() {
    return client(slapd.settings());
  }

  @Test
  void setPasswordThenUserBindsWithTheNewPasswordOnly() {
    String dn = slapd.addUser("writeback", Slapd.USER_PASSWORD);
    LdapClient client = client();

    client.setPassword(dn, "Written-back-pass-1");

    assertThat(client.bind(dn, "Written-back-pass-1")).isEqualTo(BindOutcome.OK);
    assertThat(client.bind(dn, Slapd.USER_PASSWORD)).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    assertThat(slapd.bind("writeback", "Written-back-pass-1")).isTrue();
  }

  @Test
  void setPasswordOverLdapsAndStartTlsTrustingTheServerCertificate() {
    String dn = slapd.addUser("tls", Slapd.USER_PASSWORD);

    client(slapd.settings(LdapSettings.Security.LDAPS)).setPassword(dn, "Over-ldaps-pass-1");
    clients.invalidate(TENANT);
    client(slapd.settings(LdapSettings.Security.STARTTLS)).setPassword(dn, "Over-starttls-pass");

    assertThat(slapd.bind("tls", "Over-starttls-pass")).isTrue();
  }

  @Test
  void setPasswordWhenTooShortThenRefusedWithTooShortAndNothingChanged() {
    String dn = slapd.addUser("tooshort", Slapd.USER_PASSWORD);
    LdapClient client = client();

    assertThatThrownBy(() -> client.setPassword(dn, "Abcdefg-10"))
        .isInstanceOfSatisfying(
            DirectoryPasswordRefused.class,
            e -> assertThat(e.reasons()).containsExactly(DirectoryPasswordRefused.TOO_SHORT));

    assertThat(slapd.bind("tooshort", Slapd.USER_PASSWORD)).isTrue();
  }

  @Test
  void setPasswordWhenInHistoryThenRefusedWithInHistory() {
    String dn = slapd.addUser("history", Slapd.USER_PASSWORD);
    LdapClient client = client();
    client.setPassword(dn, "History-pass-AA");

    assertThatThrownBy(() -> client.setPassword(dn, Slapd.USER_PASSWORD))
        .isInstanceOfSatisfying(
            DirectoryPasswordRefused.class,
            e -> assertThat(e.reasons()).containsExactly(DirectoryPasswordRefused.IN_HISTORY));

    assertThat(slapd.bind("history", "History-pass-AA")).isTrue();
  }

  @Test
  void bindWhenLockedOutThenLockedAndAfterUnlockOk() {
    String dn = slapd.addUser("locked", Slapd.USER_PASSWORD);
    LdapClient client = client();
    for (int i = 0; i < Slapd.MAX_FAILURES; i++) {
      assertThat(client.bind(dn, "Wrong-password-" + i)).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    }

    assertThat(client.bind(dn, Slapd.USER_PASSWORD)).isEqualTo(BindOutcome.LOCKED);
    assertThat(client.findUser("locked").orElseThrow().locked()).isTrue();

    client.unlock(dn);

    assertThat(slapd.isLocked("locked")).isFalse();
    assertThat(client.bind(dn, Slapd.USER_PASSWORD)).isEqualTo(BindOutcome.OK);
    assertThat(client.findUser("locked").orElseThrow().locked()).isFalse();
    client.unlock(dn); // not locked: still succeeds
  }

  @Test
  void findByStableIdAfterRenameThenTheNewDn() {
    slapd.addUser("oldname", Slapd.USER_PASSWORD, "movers");
    LdapClient client = client();
    LdapUser before = client.findUser("oldname").orElseThrow();

    String newDn = slapd.rename("oldname", "newname");

    LdapUser after = client.findByStableId(before.stableId()).orElseThrow();
    assertThat(after.stableId())
        .isEqualTo(slapd.entry("newname", "entryUUID").getAttributeValue("entryUUID"));
    assertThat(after.dn()).isEqualTo(newDn);
    assertThat(after.userId()).isEqualTo("newname");
    assertThat(after.groups()).containsExactly("movers");
    assertThat(client.findUser("oldname")).isEmpty();
  }

  @Test
  void findUserThenNestedGroupsAndAttributes() {
    LdapUser alice = client().findUser("alice").orElseThrow();

    assertThat(alice.email()).isEqualTo("alice@fabrikam.example");
    assertThat(alice.firstName()).isEqualTo("Alice");
    assertThat(alice.groups()).containsExactly("everyone", "staff");
    assertThat(alice.locked()).isFalse();
  }
}
