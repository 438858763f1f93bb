package dev.rekey.directory.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.DirectoryConnections.SettingsRejected;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores the operator's {@code rekey.directory.ldap.connections} at every start, as Rekey itself
 * (audited as "system"), after the demo tenant exists. Properties win: what an admin changed in the
 * console is overwritten at the next start. A connection for an unknown domain, or with a setting
 * that is not valid, stops the start with a message naming the property.
 */
@Component
@Order(10)
class LdapConnectionsAtStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LdapConnectionsAtStartup.class);
  private static final String PREFIX = "rekey.directory.ldap.connections[";

  private final LdapConnectionProperties properties;
  private final Tenants tenants;
  private final JdbcDirectoryConnections connections;
  private final MessageSource messages;

  LdapConnectionsAtStartup(
      LdapConnectionProperties properties,
      Tenants tenants,
      JdbcDirectoryConnections connections,
      MessageSource messages) {
    this.properties = properties;
    this.tenants = tenants;
    this.connections = connections;
    this.messages = messages;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<LdapConnectionProperties.Connection> configured = properties.connections();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < configured.size(); i++) {
      var connection = configured.get(i);
      String name = PREFIX + i + "]";
      String domain = connection.tenantDomain();
      if (domain == null || domain.isBlank()) {
        throw new IllegalStateException(name + ".tenant-domain is required");
      }
      Tenant tenant =
          tenants
              .findByDomain(Tenants.normaliseDomain(domain))
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          name
                              + ".tenant-domain: no tenant owns the domain '"
                              + domain
                              + "'; create the tenant first or correct the domain"));
      if (!seen.add(tenant.id())) {
        throw new IllegalStateException(
            name + ": the tenant of '" + domain + "' already has a connection in the properties");
      }
      try {
        connections.save(
            tenant.id(), connection.draft().toSettings(), null, RequestOrigin.system());
      } catch (SettingsRejected rejected) {
        String key = DirectoryFields.messageKey(rejected);
        throw new IllegalStateException(
            name
                + "."
                + kebab(rejected.field())
                + ": "
                + messages.getMessage(key, null, key, Locale.ENGLISH),
            rejected);
      }
      log.info("Directory connection of {} applied from the properties", domain);
    }
  }

  /** The property's own spelling: {@code bindSecret} → {@code bind-secret}. */
  static String kebab(String field) {
    String name = field.replace("Millis", "");
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
