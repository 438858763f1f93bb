package dev.rekey.directory.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.Flavour;
import dev.rekey.directory.LdapSettings.GroupMode;
import dev.rekey.directory.LdapSettings.Security;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code directory_connection}; the secret stays encrypted here. */
@Repository
class ConnectionRows {

  /** The stored settings (secret null) and the encrypted secret. */
  record Row(LdapSettings settings, byte @Nullable [] secret) {}

  private static final String COLUMNS =
      "flavour, urls, security, trusted_certificates, bind_dn, bind_secret, base_dn, user_filter,"
          + " user_id_attribute, display_name_attribute, first_name_attribute,"
          + " last_name_attribute, email_attribute, group_mode, group_base_dn, group_filter,"
          + " nested_groups, connect_timeout_ms, response_timeout_ms, pool_size, enabled";

  private final JdbcClient jdbc;

  ConnectionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(UUID tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM directory_connection WHERE tenant_id = ?")
        .param(tenantId)
        .query(ConnectionRows::row)
        .optional();
  }

  void insert(UUID tenantId, LdapSettings settings, byte[] secret, Instant now) {
    List<@Nullable Object> params = values(settings, secret);
    params.add(0, tenantId);
    params.add(SqlTime.of(now));
    jdbc.sql(
            "INSERT INTO directory_connection (tenant_id, "
                + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")
        .params(params)
        .update();
  }

  void update(UUID tenantId, LdapSettings settings, byte[] secret, Instant now) {
    List<@Nullable Object> params = values(settings, secret);
    params.add(SqlTime.of(now));
    params.add(tenantId);
    jdbc.sql(
            "UPDATE directory_connection SET flavour = ?, urls = ?, security = ?,"
                + " trusted_certificates = ?, bind_dn = ?, bind_secret = ?, base_dn = ?,"
                + " user_filter = ?, user_id_attribute = ?, display_name_attribute = ?,"
                + " first_name_attribute = ?, last_name_attribute = ?, email_attribute = ?,"
                + " group_mode = ?, group_base_dn = ?, group_filter = ?, nested_groups = ?,"
                + " connect_timeout_ms = ?, response_timeout_ms = ?, pool_size = ?, enabled = ?,"
                + " updated_at = ? WHERE tenant_id = ?")
        .params(params)
        .update();
  }

  void delete(UUID tenantId) {
    jdbc.sql("DELETE FROM directory_connection WHERE tenant_id = ?").param(tenantId).update();
  }

  private static List<@Nullable Object> values(LdapSettings s, byte[] secret) {
    return new ArrayList<>(
        Arrays.<@Nullable Object>asList(
            s.flavour().code(),
            // LDAP URLs cannot hold a space (RFC 4516 §2.1 escapes it), so one separates them.
            String.join(" ", s.urls()),
            s.security().code(),
            s.trustedCertificates(),
            s.bindDn(),
            secret,
            s.baseDn(),
            s.userFilter(),
            s.userIdAttribute(),
            s.displayNameAttribute(),
            s.firstNameAttribute(),
            s.lastNameAttribute(),
            s.emailAttribute(),
            s.groupMode().code(),
            s.groupBaseDn(),
            s.groupFilter(),
            s.nestedGroups(),
            s.connectTimeoutMillis(),
            s.responseTimeoutMillis(),
            s.poolSize(),
            s.enabled()));
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    LdapSettings settings =
        new LdapSettings(
            Flavour.valueOf(rs.getString("flavour").toUpperCase(Locale.ROOT)),
            List.of(rs.getString("urls").strip().split("\\s+")),
            Security.valueOf(rs.getString("security").toUpperCase(Locale.ROOT)),
            rs.getString("trusted_certificates"),
            rs.getString("bind_dn"),
            null,
            rs.getString("base_dn"),
            rs.getString("user_filter"),
            rs.getString("user_id_attribute"),
            rs.getString("display_name_attribute"),
            rs.getString("first_name_attribute"),
            rs.getString("last_name_attribute"),
            rs.getString("email_attribute"),
            GroupMode.valueOf(rs.getString("group_mode").toUpperCase(Locale.ROOT)),
            rs.getString("group_base_dn"),
            rs.getString("group_filter"),
            rs.getBoolean("nested_groups"),
            rs.getInt("connect_timeout_ms"),
            rs.getInt("response_timeout_ms"),
            rs.getInt("pool_size"),
            rs.getBoolean("enabled"));
    return new Row(settings, rs.getBytes("bind_secret"));
  }
}
