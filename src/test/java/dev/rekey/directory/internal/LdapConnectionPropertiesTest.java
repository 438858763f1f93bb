package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.DirectoryConnections;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.internal.ldap.LdapSettingsStore;
import dev.rekey.support.RekeyTest;
import dev.rekey.tenant.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** An operator's {@code rekey.directory.ldap.connections} are stored at start-up, as "system". */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-directory-properties-test",
      "rekey.directory.ldap.sync-enabled=false",
      "rekey.directory.ldap.connections[0].tenant-domain=Contoso.com",
      "rekey.directory.ldap.connections[0].flavour=generic",
      "rekey.directory.ldap.connections[0].urls=ldaps://ldap1.contoso.com:636,ldaps://ldap2.contoso.com",
      "rekey.directory.ldap.connections[0].security=ldaps",
      "rekey.directory.ldap.connections[0].bind-dn=cn=rekey,ou=services,dc=contoso,dc=com",
      "rekey.directory.ldap.connections[0].bind-secret=properties-secret-8812",
      "rekey.directory.ldap.connections[0].base-dn=ou=people,dc=contoso,dc=com",
      "rekey.directory.ldap.connections[0].user-id-attribute=mail",
      "rekey.directory.ldap.connections[0].group-mode=member-of",
      "rekey.directory.ldap.connections[0].nested-groups=true",
      "rekey.directory.ldap.connections[0].connect-timeout=2s",
      "rekey.directory.ldap.connections[0].response-timeout=1500ms",
      "rekey.directory.ldap.connections[0].pool-size=3"
    })
class LdapConnectionPropertiesTest {

  @Autowired Tenants tenants;
  @Autowired DirectoryConnections connections;
  @Autowired LdapSettingsStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void startWhenPropertiesGivenThenStoredForTheDomainsTenantWithTheSecretEncrypted() {
    UUID contoso = tenants.findByDomain("contoso.com").orElseThrow().id();

    LdapSettings stored = connections.find(contoso).orElseThrow();
    assertThat(stored.urls())
        .containsExactly("ldaps://ldap1.contoso.com:636", "ldaps://ldap2.contoso.com");
    assertThat(stored.security()).isEqualTo(LdapSettings.Security.LDAPS);
    assertThat(stored.bindDn()).isEqualTo("cn=rekey,ou=services,dc=contoso,dc=com");
    assertThat(stored.bindSecret()).isNull();
    assertThat(stored.userIdAttribute()).isEqualTo("mail");
    assertThat(stored.groupMode()).isEqualTo(LdapSettings.GroupMode.MEMBER_OF);
    assertThat(stored.nestedGroups()).isTrue();
    assertThat(stored.connectTimeoutMillis()).isEqualTo(2000);
    assertThat(stored.responseTimeoutMillis()).isEqualTo(1500);
    assertThat(stored.poolSize()).isEqualTo(3);
    assertThat(stored.userFilter()).isEqualTo("(objectClass=inetOrgPerson)");
    assertThat(connections.isConnected(contoso)).isTrue();

    byte[] column =
        jdbc.sql("SELECT bind_secret FROM directory_connection WHERE tenant_id = ?")
            .param(contoso)
            .query(byte[].class)
            .single();
    assertThat(new String(column, StandardCharsets.ISO_8859_1))
        .doesNotContain("properties-secret-8812");
    assertThat(store.load(contoso).orElseThrow().bindSecret()).isEqualTo("properties-secret-8812");

    String actor =
        jdbc.sql(
                "SELECT actor_label FROM audit_event WHERE tenant_id = ? AND activity = ?"
                    + " ORDER BY seq LIMIT 1")
            .param(contoso)
            .param("Directory connection changes")
            .query(String.class)
            .single();
    assertThat(actor).isEqualTo("system");
  }
}
