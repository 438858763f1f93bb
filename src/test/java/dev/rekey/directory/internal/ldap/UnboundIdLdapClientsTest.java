package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnboundIdLdapClientsTest {

  private final UUID tenant = UUID.randomUUID();
  private final Map<UUID, LdapSettings> stored = new ConcurrentHashMap<>();
  private final AtomicInteger loads = new AtomicInteger();
  private TestDirectory directory;
  private UnboundIdLdapClients clients;

  @BeforeEach
  void start() throws Exception {
    directory = TestDirectory.start();
    clients =
        new UnboundIdLdapClients(
            id -> {
              loads.incrementAndGet();
              return Optional.ofNullable(stored.get(id));
            });
  }

  @AfterEach
  void stop() {
    clients.destroy();
    directory.close();
  }

  @Test
  void noSettingsOrSwitchedOffGivesNoClient() {
    assertThat(clients.forTenant(tenant)).isEmpty();
    TestSettings off = directory.settings();
    off.enabled = false;
    stored.put(tenant, off.build());
    assertThat(clients.forTenant(tenant)).isEmpty();
  }

  @Test
  void theClientIsKeptUntilInvalidatedWhichClosesIt() {
    stored.put(tenant, directory.settings().build());
    LdapClient first = clients.forTenant(tenant).orElseThrow();
    assertThat(first.findUser("alice")).isPresent();
    assertThat(clients.forTenant(tenant)).containsSame(first);
    assertThat(loads).hasValue(1);

    TestSettings changed = directory.settings();
    changed.userIdAttribute = "mail";
    stored.put(tenant, changed.build());
    clients.invalidate(tenant);

    assertThatThrownBy(() -> first.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);
    LdapClient second = clients.forTenant(tenant).orElseThrow();
    assertThat(second).isNotSameAs(first);
    assertThat(second.findUser("alice@fabrikam.example")).isPresent();
  }

  @Test
  void aChangeMadeOnAnotherNodeIsPickedUpWhenTheSettingsAreCheckedAgain() {
    UnboundIdLdapClients rechecking =
        new UnboundIdLdapClients(id -> Optional.ofNullable(stored.get(id)), Duration.ZERO);
    try {
      stored.put(tenant, directory.settings().build());
      LdapClient first = rechecking.forTenant(tenant).orElseThrow();
      assertThat(rechecking.forTenant(tenant)).as("unchanged: the same pool").containsSame(first);

      // Another node saved new settings: no invalidate() here, only the store changed.
      TestSettings changed = directory.settings();
      changed.userIdAttribute = "mail";
      stored.put(tenant, changed.build());
      LdapClient second = rechecking.forTenant(tenant).orElseThrow();
      assertThat(second).isNotSameAs(first);
      assertThat(second.findUser("alice@fabrikam.example")).isPresent();
      assertThatThrownBy(() -> first.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);

      stored.remove(tenant);
      assertThat(rechecking.forTenant(tenant)).isEmpty();
      assertThatThrownBy(() -> second.findUser("alice@fabrikam.example"))
          .isInstanceOf(DirectoryUnavailable.class);
    } finally {
      rechecking.destroy();
    }
  }

  @Test
  void aTenantWithoutAConnectionIsRememberedUntilRecheckOrInvalidate() {
    assertThat(clients.forTenant(tenant)).isEmpty();
    assertThat(clients.forTenant(tenant)).isEmpty();
    assertThat(loads).as("read once").hasValue(1);
    stored.put(tenant, directory.settings().build());
    clients.invalidate(tenant);
    assertThat(clients.forTenant(tenant)).isPresent();
  }

  @Test
  void destroyClosesEveryPool() {
    stored.put(tenant, directory.settings().build());
    LdapClient client = clients.forTenant(tenant).orElseThrow();
    client.findUser("alice");

    clients.destroy();

    assertThatThrownBy(() -> client.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);
  }

  @Test
  void unusableStoredSettingsAreAnOutageNotACrash() {
    stored.put(tenant, new TestSettings("gopher://x").build());
    assertThatThrownBy(() -> clients.forTenant(tenant)).isInstanceOf(DirectoryUnavailable.class);
  }

  @Test
  void aDownServerDoesNotStopTheClientBeingHandedOut() throws Exception {
    stored.put(tenant, new TestSettings("ldap://localhost:" + TestDirectory.closedPort()).build());
    LdapClient client = clients.forTenant(tenant).orElseThrow();
    assertThatThrownBy(() -> client.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);
  }

  @Test
  void diagnoseUsesTheGivenSettings() {
    assertThat(clients.diagnose(directory.settings().build()).ok()).isTrue();
  }
}
