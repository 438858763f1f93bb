package dev.rekey.tenant.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcTenants implements Tenants {

  /** A DNS name of letters, digits and hyphens with at least one dot (RFC 1035 §2.3.1). */
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcTenants(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Tenant> findById(UUID id) {
    return jdbc.sql("SELECT id, name, created_at FROM tenant WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                row(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    SqlTime.require(rs, "created_at")))
        .optional();
  }

  @Override
  public Optional<Tenant> findByDomain(String domain) {
    return jdbc.sql("SELECT tenant_id FROM tenant_domain WHERE domain = ? AND verified = TRUE")
        .param(Tenants.normaliseDomain(domain))
        .query(UUID.class)
        .optional()
        .flatMap(this::findById);
  }

  @Override
  public List<Tenant> findAll() {
    return jdbc.sql("SELECT id, name, created_at FROM tenant ORDER BY name")
        .query(
            (rs, n) ->
                row(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    SqlTime.require(rs, "created_at")))
        .list();
  }

  @Override
  @Transactional
  public Tenant create(String name, List<String> domains) {
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("Tenant name must be 1-200 characters");
    }
    List<String> normalised = new ArrayList<>();
    for (String domain : domains) {
      String d = Tenants.normaliseDomain(domain);
      if (!DOMAIN.matcher(d).matches()) {
        throw new IllegalArgumentException("Not a domain name: " + domain);
      }
      if (normalised.contains(d) || findByDomain(d).isPresent()) {
        throw new IllegalArgumentException("Domain already in use: " + d);
      }
      normalised.add(d);
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql("INSERT INTO tenant (id, name, created_at) VALUES (?, ?, ?)")
        .params(id, name.strip(), SqlTime.of(now))
        .update();
    for (String d : normalised) {
      jdbc.sql(
              "INSERT INTO tenant_domain (domain, tenant_id, verified, created_at) VALUES (?, ?, TRUE, ?)")
          .params(d, id, SqlTime.of(now))
          .update();
    }
    return new Tenant(id, name.strip(), normalised, now);
  }

  private Tenant row(UUID id, String name, Instant createdAt) {
    List<String> domains =
        jdbc.sql("SELECT domain FROM tenant_domain WHERE tenant_id = ? ORDER BY domain")
            .param(id)
            .query(String.class)
            .list();
    return new Tenant(id, name, domains, createdAt);
  }
}
