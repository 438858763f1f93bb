package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.rekey.common.RequestOrigin;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Start-up refuses properties it cannot apply, naming the property. */
class LdapConnectionsAtStartupTest {

  final Tenants tenants = mock(Tenants.class);
  final JdbcDirectoryConnections connections = mock(JdbcDirectoryConnections.class);
  final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

  LdapConnectionsAtStartupTest() {
    messages.setBasename("i18n/admin-directory");
    messages.setDefaultEncoding("UTF-8");
  }

  static LdapConnectionProperties.Connection connection(String domain, String url) {
    return new LdapConnectionProperties.Connection(
        domain,
        "generic",
        List.of(url),
        "none",
        null,
        "cn=rekey,dc=example,dc=org",
        "secret-in-properties",
        "dc=example,dc=org",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        null,
        null);
  }

  private void run(LdapConnectionProperties.Connection... configured) {
    new LdapConnectionsAtStartup(
            new LdapConnectionProperties(List.of(configured)), tenants, connections, messages)
        .run(new DefaultApplicationArguments());
  }

  @Test
  void runWhenDomainUnknownThenStartFailsNamingTheProperty() {
    when(tenants.findByDomain(anyString())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> run(connection("nowhere.example", "ldap://h:389")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rekey.directory.ldap.connections[0].tenant-domain")
        .hasMessageContaining("nowhere.example");
    verifyNoInteractions(connections);
  }

  @Test
  void runWhenSettingInvalidThenStartFailsWithTheWordsAndWithoutTheSecret() {
    UUID id = UUID.randomUUID();
    when(tenants.findByDomain("fabrikam.example"))
        .thenReturn(Optional.of(new Tenant(id, "F", List.of("fabrikam.example"), Instant.now())));
    when(connections.save(eq(id), any(), isNull(), any(RequestOrigin.class)))
        .thenThrow(LdapSettingsValidator.rejected("connectTimeoutMillis", "range"));
    assertThatThrownBy(() -> run(connection("fabrikam.example", "ldap://h:389")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rekey.directory.ldap.connections[0].connect-timeout")
        .hasMessageContaining("Enter a number from 100 to 60000.")
        .hasMessageNotContaining("secret-in-properties");
  }

  @Test
  void runWhenValidThenSavedAsSystem() {
    UUID id = UUID.randomUUID();
    when(tenants.findByDomain("fabrikam.example"))
        .thenReturn(Optional.of(new Tenant(id, "F", List.of("fabrikam.example"), Instant.now())));
    run(connection("Fabrikam.Example", "ldap://h:389"));
    verify(connections).save(eq(id), any(), isNull(), eq(RequestOrigin.system()));
  }

  @Test
  void connectionToStringNeverShowsTheSecret() {
    assertThat(connection("x.example", "ldap://h:389").toString())
        .doesNotContain("secret-in-properties");
  }
}
