package dev.rekey.directory.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.DirectoryProperties;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.tenant.Tenants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The embedded directory: accounts in the database, Rekey owns the passwords. */
@Repository
class JdbcAccountDirectory implements AccountDirectory {

  private static final Pattern UPN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{4,253}");
  private static final String COLUMNS =
      "id, tenant_id, upn, display_name, first_name, last_name, email, enabled, locked,"
          + " password_authority, must_change_password, password_changed_at, preferred_language,"
          + " created_at";

  private final JdbcClient jdbc;
  private final Tenants tenants;
  private final PasswordHashing hashing;
  private final DirectoryProperties properties;
  private final Clock clock;

  JdbcAccountDirectory(
      JdbcClient jdbc,
      Tenants tenants,
      PasswordHashing hashing,
      DirectoryProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.hashing = hashing;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Optional<Account> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  @Override
  public Optional<Account> findByUserId(String userId) {
    if (userId.length() > 320) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE upn = ?")
        .param(normalise(userId))
        .query(this::map)
        .optional();
  }

  @Override
  public List<Account> findByRole(UUID tenantId, Role role) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM account a WHERE tenant_id = ? AND EXISTS (SELECT 1 FROM account_role r"
                + " WHERE r.account_id = a.id AND r.role = ?) ORDER BY upn")
        .params(tenantId, role.code())
        .query(this::map)
        .list();
  }

  @Override
  @Transactional
  public Account create(NewAccount account, @Nullable String initialPassword, boolean mustChange) {
    String upn = normalise(account.upn());
    if (!UPN.matcher(upn).matches()) {
      throw new AccountRejected("upn_invalid", "Not a user ID: " + account.upn());
    }
    var tenant =
        tenants
            .findById(account.tenantId())
            .orElseThrow(() -> new AccountRejected("tenant_unknown", "Unknown tenant"));
    if (!tenant.ownsDomain(upn.substring(upn.indexOf('@') + 1))) {
      throw new AccountRejected("upn_domain", "User ID outside the tenant's domains: " + upn);
    }
    if (findByUserId(upn).isPresent()) {
      throw new AccountRejected("upn_taken", "User ID already exists: " + upn);
    }
    if (account.displayName().isBlank() || account.displayName().length() > 256) {
      throw new AccountRejected("display_name_invalid", "Display name must be 1-256 characters");
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String hash =
        initialPassword != null && account.passwordAuthority() == PasswordAuthority.REKEY
            ? hashing.hash(initialPassword)
            : null;
    jdbc.sql(
            "INSERT INTO account (id, tenant_id, upn, display_name, first_name, last_name, email,"
                + " enabled, locked, password_authority, password_hash, must_change_password,"
                + " password_changed_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?, ?, ?, ?)")
        .params(
            id,
            account.tenantId(),
            upn,
            account.displayName().strip(),
            account.firstName(),
            account.lastName(),
            account.email() == null ? null : account.email().strip().toLowerCase(Locale.ROOT),
            account.passwordAuthority().code(),
            hash,
            mustChange,
            hash == null ? null : SqlTime.of(now),
            SqlTime.of(now))
        .update();
    Set<Role> roles = account.roles().isEmpty() ? Set.of(Role.USER) : account.roles();
    for (Role role : roles) {
      jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)")
          .params(id, role.code())
          .update();
    }
    if (hash != null) {
      remember(id, hash, now);
    }
    return findById(id).orElseThrow();
  }

  @Override
  public Optional<Account> authenticate(String userId, String password) {
    record Candidate(UUID id, @Nullable String hash) {}
    Optional<Candidate> candidate =
        userId.length() > 320
            ? Optional.empty()
            : jdbc.sql(
                    "SELECT id, password_hash FROM account WHERE upn = ? AND password_authority ="
                        + " 'rekey'")
                .param(normalise(userId))
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    String hash = candidate.map(Candidate::hash).orElse(null);
    if (hash == null) {
      // ASVS 5.0 §6.3.8 / OWASP Authentication Cheat Sheet: equal time for unknown accounts.
      hashing.burn(password);
      return Optional.empty();
    }
    if (!hashing.matches(password, hash)) {
      return Optional.empty();
    }
    return findById(candidate.get().id());
  }

  @Override
  public boolean isRecentPassword(UUID accountId, String password) {
    List<String> hashes =
        jdbc.sql(
                "SELECT password_hash FROM password_history WHERE account_id = ?"
                    + " ORDER BY created_at DESC")
            .param(accountId)
            .query(String.class)
            .list();
    int limit = Math.max(1, properties.passwordHistory());
    return hashes.stream().limit(limit).anyMatch(h -> hashing.matches(password, h));
  }

  @Override
  @Transactional
  public void setPassword(UUID accountId, String newPassword, boolean mustChange) {
    Account account =
        findById(accountId)
            .orElseThrow(() -> new AccountRejected("account_unknown", "Unknown account"));
    if (account.passwordAuthority() != PasswordAuthority.REKEY) {
      throw new AccountRejected("password_not_managed", "Password not managed by Rekey");
    }
    Instant now = clock.instant();
    String hash = hashing.hash(newPassword);
    jdbc.sql(
            "UPDATE account SET password_hash = ?, must_change_password = ?,"
                + " password_changed_at = ? WHERE id = ?")
        .params(hash, mustChange, SqlTime.of(now), accountId)
        .update();
    remember(accountId, hash, now);
  }

  @Override
  public void setPreferredLanguage(UUID accountId, String language) {
    jdbc.sql("UPDATE account SET preferred_language = ? WHERE id = ?")
        .params(language.length() > 8 ? language.substring(0, 8) : language, accountId)
        .update();
  }

  @Override
  public void setLocked(UUID accountId, boolean locked) {
    jdbc.sql("UPDATE account SET locked = ? WHERE id = ?").params(locked, accountId).update();
  }

  @Override
  public void setEnabled(UUID accountId, boolean enabled) {
    jdbc.sql("UPDATE account SET enabled = ? WHERE id = ?").params(enabled, accountId).update();
  }

  @Override
  @Transactional
  public void setRoles(UUID accountId, Set<Role> roles) {
    if (roles.isEmpty()) {
      throw new AccountRejected("roles_empty", "An account needs at least one role");
    }
    if (findById(accountId).isEmpty()) {
      throw new AccountRejected("account_unknown", "Unknown account");
    }
    jdbc.sql("DELETE FROM account_role WHERE account_id = ?").param(accountId).update();
    for (Role role : EnumSet.copyOf(roles)) {
      jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)")
          .params(accountId, role.code())
          .update();
    }
  }

  /**
   * Keeps the newest N hashes for the history rule and forgets the rest. Each entry is stamped
   * strictly after the previous one (in the databases' microsecond precision), so two changes in
   * the same instant still order correctly and the newest is never the one forgotten.
   */
  private void remember(UUID accountId, String hash, Instant now) {
    Instant newest =
        jdbc.sql("SELECT MAX(created_at) AS newest FROM password_history WHERE account_id = ?")
            .param(accountId)
            .query((rs, n) -> Optional.ofNullable(SqlTime.get(rs, "newest")))
            .single()
            .orElse(null);
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    if (newest != null && !at.isAfter(newest)) {
      at = newest.plus(1, ChronoUnit.MICROS);
    }
    jdbc.sql(
            "INSERT INTO password_history (id, account_id, password_hash, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(UUID.randomUUID(), accountId, hash, SqlTime.of(at))
        .update();
    List<UUID> old =
        jdbc.sql(
                "SELECT id FROM password_history WHERE account_id = ?"
                    + " ORDER BY created_at DESC, id OFFSET ?")
            .params(accountId, Math.max(1, properties.passwordHistory()))
            .query(UUID.class)
            .list();
    for (UUID id : old) {
      jdbc.sql("DELETE FROM password_history WHERE id = ?").param(id).update();
    }
  }

  private Account map(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("SELECT role FROM account_role WHERE account_id = ?")
        .param(id)
        .query(String.class)
        .list()
        .forEach(code -> Role.fromCode(code).ifPresent(roles::add));
    return new Account(
        id,
        rs.getObject("tenant_id", UUID.class),
        rs.getString("upn"),
        rs.getString("display_name"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        rs.getBoolean("enabled"),
        rs.getBoolean("locked"),
        roles,
        PasswordAuthority.fromCode(rs.getString("password_authority")).orElseThrow(),
        rs.getBoolean("must_change_password"),
        SqlTime.get(rs, "password_changed_at"),
        rs.getString("preferred_language"),
        SqlTime.require(rs, "created_at"));
  }

  static String normalise(String userId) {
    return userId.strip().toLowerCase(Locale.ROOT);
  }
}
