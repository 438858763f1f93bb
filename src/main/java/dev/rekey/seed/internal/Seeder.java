package dev.rekey.seed.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.common.RequestOrigin;
import dev.rekey.common.SqlTime;
import dev.rekey.crypto.SecretCipher;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.methods.MethodType;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.seed.SeededAccounts;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a tenant with many accounts, their security info, groups and reset activity (issue 7), in
 * one transaction: a failed run leaves nothing behind. The first account (an admin) is made through
 * the directory, so its password hash is the application's own Argon2id hash; every other account
 * reuses that hash (test data only). The rest is written with multi-row inserts, secrets encrypted
 * with the application's {@link SecretCipher} exactly as the methods module stores them.
 *
 * <p>Which account gets what depends only on its index {@code i}, so tests and benchmarks know:
 *
 * <ul>
 *   <li>app (TOTP, {@link SeededAccounts#totpSecret}): {@code i % 10 != 9}
 *   <li>phone (mobile, text): {@code i % 10 in 0..2}; email: {@code i % 10 in 3..4} or {@code i %
 *       20 == 19}
 *   <li>admin: {@code i % 100,000 == 0}; helpdesk: {@code i % 100,000 == 50,000}; otherwise user
 *   <li>locked: {@code i % 100 == 42}; blocked from SSPR for 7 days: {@code i % 200 == 77}
 *   <li>member of department {@code (i / 2) % 16} when {@code i} is even; departments are nested in
 *       three regions, the regions in "All staff" (20 groups)
 *   <li>reset activity: {@code accounts / 10} flows in the last 30 days, two audit events each
 * </ul>
 */
@Component
class Seeder {

  static final int DEPARTMENTS = 16;
  static final List<String> REGIONS = List.of("Region North", "Region South", "Region West");
  static final String ALL_STAFF = "All staff";
  static final String APP_HINT = "Authenticator app";
  static final Duration BLOCK = Duration.ofDays(7);
  static final int CHUNK = 2_000;

  private static final Logger log = LoggerFactory.getLogger(Seeder.class);

  private static final List<String> GIVEN =
      List.of(
          "Anna", "Bram", "Chloe", "Daan", "Emma", "Finn", "Hanna", "Jesse", "Julia", "Lars",
          "Lotte", "Milan", "Noor", "Olivia", "Pieter", "Sara", "Sem", "Tess", "Thomas", "Zoe");
  private static final List<String> FAMILY =
      List.of(
          "Bakker",
          "Brouwer",
          "de Boer",
          "de Groot",
          "de Jong",
          "de Vries",
          "Dekker",
          "Hendriks",
          "Jansen",
          "Janssen",
          "Meijer",
          "Mulder",
          "Peters",
          "Smit",
          "van Dijk",
          "van Leeuwen",
          "Visser",
          "Vos",
          "Willems",
          "Bos",
          "Garcia",
          "Kowalski",
          "Nguyen",
          "Okafor",
          "Smith");

  /** What a run made. */
  record Result(
      UUID tenantId,
      int accounts,
      long methods,
      long memberships,
      long auditEvents,
      long rows,
      Duration took) {}

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final JdbcClient jdbc;
  private final Tenants tenants;
  private final AccountDirectory directory;
  private final Groups groups;
  private final SsprPolicies policies;
  private final SecretCipher cipher;
  private final Clock clock;

  Seeder(
      DataSource dataSource,
      TransactionTemplate transactions,
      JdbcClient jdbc,
      Tenants tenants,
      AccountDirectory directory,
      Groups groups,
      SsprPolicies policies,
      SecretCipher cipher,
      Clock clock) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.directory = directory;
    this.groups = groups;
    this.policies = policies;
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * Seeds a new tenant.
   *
   * @throws SeedRefused when the domain already belongs to a tenant; nothing changed then
   */
  Result seed(SeedRequest request, Progress progress) {
    tenants
        .findByDomain(request.domain())
        .ifPresent(
            t -> {
              throw new SeedRefused(
                  "The domain "
                      + request.domain()
                      + " already belongs to tenant '"
                      + t.name()
                      + "' ("
                      + accountsOf(t.id())
                      + " accounts); seed another domain or use a fresh database");
            });
    long start = System.nanoTime();
    Result result =
        transactions.execute(
            status -> {
              try {
                return load(request, progress, start);
              } catch (SQLException e) {
                throw new IllegalStateException("Seeding failed: " + e.getMessage(), e);
              }
            });
    analyze();
    return result;
  }

  private long accountsOf(UUID tenantId) {
    return jdbc.sql("SELECT COUNT(*) FROM account WHERE tenant_id = ?")
        .param(tenantId)
        .query(Long.class)
        .single();
  }

  private Result load(SeedRequest request, Progress progress, long start) throws SQLException {
    Instant now = clock.instant();
    String domain = request.domain();
    Tenant tenant = tenants.create(displayName(domain), List.of(domain));
    UUID tenantId = tenant.id();

    // Account 0 through the directory: the application's own password hash, reused below.
    Account first =
        directory.create(
            new NewAccount(
                tenantId,
                SeededAccounts.upn(domain, 0),
                name(0),
                GIVEN.get(0),
                FAMILY.get(0),
                SeededAccounts.upn(domain, 0),
                Set.of(role(0)),
                PasswordAuthority.REKEY),
            request.password(),
            false);
    String hash =
        jdbc.sql("SELECT password_hash FROM account WHERE id = ?")
            .param(first.id())
            .query(String.class)
            .single();

    policies.update(
        tenantId,
        SsprPolicyChanges.builder()
            .enabledFor(EnabledFor.ALL)
            .methodsAvailable(
                EnumSet.of(
                    AuthMethodType.SOFTWARE_OATH,
                    AuthMethodType.MOBILE_SMS,
                    AuthMethodType.EMAIL,
                    AuthMethodType.FIDO2))
            .methodsRequiredToReset(1)
            .build(),
        first.id(),
        RequestOrigin.system());

    List<UUID> departments = groups(tenantId);

    Connection connection = DataSourceUtils.getConnection(dataSource);
    OffsetDateTime nowSql = SqlTime.of(now);
    OffsetDateTime blockedUntil = SqlTime.of(now.plus(BLOCK));
    SplittableRandom random = new SplittableRandom(20261130L);
    long methods = 0;
    long memberships = 0;
    // Account ids by index, for the audit events: two longs each (16 bytes, not a UUID object).
    long[] idHigh = new long[request.accounts()];
    long[] idLow = new long[request.accounts()];
    try (Rows accounts =
            new Rows(
                connection,
                "account",
                "id, tenant_id, upn, display_name, first_name, last_name, email, enabled, locked,"
                    + " password_authority, password_hash, must_change_password,"
                    + " password_changed_at, created_at",
                "(?, ?, ?, ?, ?, ?, ?, TRUE, ?, 'rekey', ?, FALSE, ?, ?)");
        Rows roles = new Rows(connection, "account_role", "account_id, role", "(?, ?)");
        Rows auth =
            new Rows(
                connection,
                "auth_method",
                "id, tenant_id, account_id, method_type, phone_type, display_name, hint, secret,"
                    + " data, status, is_default, created_at, verified_at",
                "(?, ?, ?, ?, ?, NULL, ?, ?, ?, 'active', ?, ?, ?)");
        Rows members =
            new Rows(connection, "group_member", "group_id, member_account_id", "(?, ?)");
        Rows blocks =
            new Rows(
                connection,
                "sspr_block",
                "account_id, blocked_until, reason, created_at",
                "(?, ?, 'failures', ?)")) {
      for (int i = 0; i < request.accounts(); i++) {
        String upn = SeededAccounts.upn(domain, i);
        UUID accountId = i == 0 ? first.id() : UUID.randomUUID();
        idHigh[i] = accountId.getMostSignificantBits();
        idLow[i] = accountId.getLeastSignificantBits();
        OffsetDateTime created =
            SqlTime.of(now.minus(Duration.ofMinutes(random.nextLong(525_600))));
        if (i > 0) {
          accounts.add(
              accountId,
              tenantId,
              upn,
              name(i),
              GIVEN.get(i % GIVEN.size()),
              FAMILY.get((i / GIVEN.size()) % FAMILY.size()),
              upn,
              i % 100 == 42,
              hash,
              created,
              created);
          roles.add(accountId, role(i).code());
        }
        boolean app = SeededAccounts.hasApp(i);
        boolean phone = i % 10 <= 2;
        if (app) {
          UUID id = UUID.randomUUID();
          auth.add(
              id,
              tenantId,
              accountId,
              MethodType.SOFTWARE_OATH.code(),
              Rows.NULL_TEXT,
              APP_HINT,
              cipher.encrypt(SeededAccounts.totpSecret(upn), context(id, MethodType.SOFTWARE_OATH)),
              Rows.NULL_TEXT,
              true,
              created,
              created);
          methods++;
        }
        if (phone) {
          UUID id = UUID.randomUUID();
          String e164 = String.format(Locale.ROOT, "+316%08d", i % 100_000_000);
          auth.add(
              id,
              tenantId,
              accountId,
              MethodType.PHONE.code(),
              "mobile",
              "+31 6" + "•".repeat(6) + e164.substring(e164.length() - 2),
              cipher.encrypt(e164.getBytes(StandardCharsets.UTF_8), context(id, MethodType.PHONE)),
              "{\"delivery\":\"sms\"}",
              !app,
              created,
              created);
          methods++;
        }
        if (i % 10 == 3 || i % 10 == 4 || i % 20 == 19) {
          UUID id = UUID.randomUUID();
          String address = String.format(Locale.ROOT, "user%07d@home.example.net", i);
          auth.add(
              id,
              tenantId,
              accountId,
              MethodType.EMAIL.code(),
              Rows.NULL_TEXT,
              "u•••@home.example.net",
              cipher.encrypt(
                  address.getBytes(StandardCharsets.UTF_8), context(id, MethodType.EMAIL)),
              Rows.NULL_TEXT,
              !app && !phone,
              created,
              created);
          methods++;
        }
        if (i % 2 == 0) {
          members.add(departments.get((i / 2) % DEPARTMENTS), accountId);
          memberships++;
        }
        if (i % 200 == 77) {
          blocks.add(accountId, blockedUntil, nowSql);
        }
        if ((i + 1) % CHUNK == 0) {
          // Parents before children (foreign keys).
          accounts.flush();
          roles.flush();
          auth.flush();
          members.flush();
          blocks.flush();
          progress.update(
              i + 1,
              accounts.written()
                  + roles.written()
                  + auth.written()
                  + members.written()
                  + blocks.written());
        }
      }
      accounts.flush();
      roles.flush();
      auth.flush();
      members.flush();
      blocks.flush();
      long events = events(connection, tenantId, domain, idHigh, idLow, now, random);
      long rows =
          accounts.written()
              + 1
              + roles.written()
              + auth.written()
              + members.written()
              + blocks.written()
              + events;
      progress.update(request.accounts(), rows);
      return new Result(
          tenantId,
          request.accounts(),
          methods,
          memberships,
          events,
          rows,
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** "All staff" ⊃ three regions ⊃ 16 departments; answers the departments. */
  private List<UUID> groups(UUID tenantId) {
    Group all = groups.create(tenantId, ALL_STAFF);
    List<Group> regions = new ArrayList<>();
    for (String region : REGIONS) {
      Group g = groups.create(tenantId, region);
      groups.addGroup(all.id(), g.id());
      regions.add(g);
    }
    List<UUID> departments = new ArrayList<>();
    for (int d = 0; d < DEPARTMENTS; d++) {
      Group g = groups.create(tenantId, String.format(Locale.ROOT, "Department %02d", d + 1));
      groups.addGroup(regions.get(d * REGIONS.size() / DEPARTMENTS).id(), g.id());
      departments.add(g.id());
    }
    return departments;
  }

  /**
   * Reset activity over the last 30 days as the reset portal records it: a start, then a reset or
   * unlock that succeeded, a failed verification or an abandoned flow.
   */
  private long events(
      Connection connection,
      UUID tenantId,
      String domain,
      long[] idHigh,
      long[] idLow,
      Instant now,
      SplittableRandom random)
      throws SQLException {
    int flows = Math.max(1, idHigh.length / 10);
    try (Rows events =
        new Rows(
            connection,
            "audit_event",
            "id, seq, occurred_at, tenant_id, actor_id, actor_label, target_account_id,"
                + " target_label, activity, result, method, reason, client_ip, user_agent,"
                + " flow_id, details",
            "(?, nextval('audit_event_seq'), ?, ?, NULL, 'anonymous', ?, ?, ?, ?, ?, ?, ?,"
                + " 'Mozilla/5.0 (seeded)', ?, ?)")) {
      for (int f = 0; f < flows; f++) {
        int index = random.nextInt(idHigh.length);
        UUID account = new UUID(idHigh[index], idLow[index]);
        String upn = SeededAccounts.upn(domain, index);
        Instant startedAt = now.minusSeconds(random.nextLong(30L * 24 * 3600 - 120) + 120);
        String ip = "198.51.100." + (1 + random.nextInt(254));
        String flowId = UUID.randomUUID().toString();
        events.add(
            UUID.randomUUID(),
            SqlTime.of(startedAt),
            tenantId,
            account,
            upn,
            AuditActivity.SSPR_FLOW_PROGRESS.entraName(),
            AuditResult.SUCCEEDED.label(),
            Rows.NULL_TEXT,
            Rows.NULL_TEXT,
            ip,
            flowId,
            "{\"step\":\"started\"}");
        int outcome = random.nextInt(100);
        AuditActivity activity = AuditActivity.SSPR_FLOW_PROGRESS;
        AuditResult result;
        Object method = Rows.NULL_TEXT;
        Object reason = Rows.NULL_TEXT;
        Object details = Rows.NULL_TEXT;
        if (outcome < 65) {
          activity = AuditActivity.RESET_PASSWORD_SELF_SERVICE;
          result = AuditResult.SUCCEEDED;
          method = outcome < 5 ? "softwareOath,email" : "softwareOath";
        } else if (outcome < 75) {
          activity = AuditActivity.UNLOCK_SELF_SERVICE;
          result = AuditResult.SUCCEEDED;
          method = "softwareOath";
        } else if (outcome < 90) {
          result = AuditResult.FAILED;
          method = "softwareOath";
          reason = "verification_failed";
          details = "{\"step\":\"verify\"}";
        } else {
          result = AuditResult.ABANDONED;
          details = outcome < 95 ? "{\"step\":\"verify\"}" : "{\"step\":\"password\"}";
        }
        events.add(
            UUID.randomUUID(),
            SqlTime.of(startedAt.plusSeconds(30 + random.nextInt(60))),
            tenantId,
            account,
            upn,
            activity.entraName(),
            result.label(),
            method,
            reason,
            ip,
            flowId,
            details);
      }
      events.flush();
      return events.written();
    }
  }

  /** Fresh planner statistics, so the first searches after seeding use the indexes. */
  private void analyze() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    } catch (SQLException e) {
      log.info("ANALYZE after seeding failed: {}", e.getMessage());
    }
  }

  // Hints as the methods module masks them (PhoneMasks, EmailAddress.masked): +31 6••••••78.

  /** As the methods module binds a secret to its row ({@code StoredMethod.context}). */
  static String context(UUID methodId, MethodType type) {
    return "auth_method:" + methodId + ":" + type.code();
  }

  static Role role(int i) {
    return switch (i % 100_000) {
      case 0 -> Role.ADMIN;
      case 50_000 -> Role.HELPDESK;
      default -> Role.USER;
    };
  }

  static String name(int i) {
    return GIVEN.get(i % GIVEN.size()) + " " + FAMILY.get((i / GIVEN.size()) % FAMILY.size());
  }

  /** "scale.example" → "Scale": the first label, capitalised. */
  static String displayName(String domain) {
    String label = domain.substring(0, domain.indexOf('.'));
    return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
  }
}
