package dev.rekey.directory.internal;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Directory connections configured by the operator ({@code
 * rekey.directory.ldap.connections[0].tenant-domain=fabrikam.example}, or {@code
 * REKEY_DIRECTORY_LDAP_CONNECTIONS_0_TENANT_DOMAIN}). Applied at every start by {@link
 * LdapConnectionsAtStartup}; they win over what an admin saved in the console. A missing setting
 * takes the flavour's default, as in the API.
 */
@ConfigurationProperties("rekey.directory.ldap")
record LdapConnectionProperties(@DefaultValue List<Connection> connections) {

  /**
   * One tenant's connection.
   *
   * @param tenantDomain a verified domain of the tenant the connection belongs to
   * @param urls comma-separated in one property or environment variable
   */
  record Connection(
      @Nullable String tenantDomain,
      @Nullable String flavour,
      @Nullable List<String> urls,
      @Nullable String security,
      @Nullable String trustedCertificates,
      @Nullable String bindDn,
      @Nullable String bindSecret,
      @Nullable String baseDn,
      @Nullable String userFilter,
      @Nullable String userIdAttribute,
      @Nullable String displayNameAttribute,
      @Nullable String firstNameAttribute,
      @Nullable String lastNameAttribute,
      @Nullable String emailAttribute,
      @Nullable String groupMode,
      @Nullable String groupBaseDn,
      @Nullable String groupFilter,
      @Nullable Boolean nestedGroups,
      @Nullable Duration connectTimeout,
      @Nullable Duration responseTimeout,
      @Nullable Integer poolSize,
      @Nullable Boolean enabled) {

    SettingsDraft draft() {
      return new SettingsDraft(
          flavour,
          urls,
          security,
          trustedCertificates,
          bindDn,
          bindSecret,
          baseDn,
          userFilter,
          userIdAttribute,
          displayNameAttribute,
          firstNameAttribute,
          lastNameAttribute,
          emailAttribute,
          groupMode,
          groupBaseDn,
          groupFilter,
          nestedGroups,
          millis(connectTimeout),
          millis(responseTimeout),
          poolSize == null ? null : poolSize.toString(),
          enabled);
    }

    /** Shown in logs and start-up errors instead of the record's own text, which has the secret. */
    @Override
    public String toString() {
      return "Connection[tenantDomain=" + tenantDomain + ", urls=" + urls + "]";
    }

    private static @Nullable String millis(@Nullable Duration duration) {
      return duration == null ? null : Long.toString(duration.toMillis());
    }
  }
}
