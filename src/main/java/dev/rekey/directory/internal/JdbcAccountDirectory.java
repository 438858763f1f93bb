package dev.rekey.directory.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryProperties;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.directory.internal.ldap.BindOutcome;
import dev.rekey.directory.internal.ldap.LdapClient;
import dev.rekey.directory.internal.ldap.LdapClients;
import dev.rekey.directory.internal.ldap.LdapUser;
import dev.rekey.tenant.Tenant;
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
import org.springframework.dao.DataIntegrityViolationException;
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
          + " created_at, directory_disabled";

  private final JdbcClient jdbc;
  private final Tenants tenants;
  private final PasswordHashing hashing;
  private final DirectoryProperties properties;
  private final Clock clock;
  private final LdapClients ldap;
  private final DirectoryAccounts linked;

  JdbcAccountDirectory(
      JdbcClient jdbc,
      Tenants tenants,
      PasswordHashing hashing,
      DirectoryProperties properties,
      Clock clock,
      LdapClients ldap,
      DirectoryAccounts linked) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.hashing = hashing;
    this.properties = properties;
    this.clock = clock;
    this.ldap = ldap;
    this.linked = linked;
  }

  @Override
  public Optional<Account> resolve(String userId) {
    if (userId.length() > 320) {
      return Optional.empty();
    }
    String upn = normalise(userId);
    Optional<Account> local = findByUserId(upn);
    if (local.isPresent() && local.get().passwordAuthority() != PasswordAuthority.DIRECTORY) {
      return local;
    }
    Optional<Tenant> tenant = tenants.findByUserId(upn);
    Optional<LdapClient> client = tenant.flatMap(t -> ldap.forTenant(t.id()));
    if (client.isEmpty()) {
      return local;
    }
    return fromDirectory(tenant.get(), client.get(), upn).map(LdapMatch::account);
  }

  private record LdapMatch(Account account, LdapUser user) {}

  /** Looks the user up in the directory and refreshes (or creates) Rekey's record of them. */
  private Optional<LdapMatch> fromDirectory(Tenant tenant, LdapClient client, String upn) {
    LdapSettings settings = client.settings();
    Optional<LdapUser> user = client.findUser(DirectoryAccounts.searchValue(upn, settings));
    if (user.isEmpty()) {
      return Optional.empty();
    }
    String typedDomain = upn.substring(upn.lastIndexOf('@') + 1);
    Optional<String> linkedUpn = DirectoryAccounts.upnOf(user.get(), settings, tenant, typedDomain);
    if (linkedUpn.isEmpty() || !linkedUpn.get().equals(upn)) {
      return Optional.empty();
    }
    boolean groups = settings.groupMode() != LdapSettings.GroupMode.NONE;
    DirectoryAccounts.Linked link;
    try {
      link = linked.link(tenant.id(), user.get(), upn, groups);
    } catch (DataIntegrityViolationException raced) {
      // Two first sign-ins of the same user at once (another node, another tab): the other one
      // created the record; link to it.
      link = linked.link(tenant.id(), user.get(), upn, groups);
    }
    if (link.change() == DirectoryAccounts.Change.CONFLICT || link.accountId() == null) {
      return Optional.empty();
    }
    return findById(link.accountId()).map(a -> new LdapMatch(a, user.get()));
  }

  /** The directory entry of a linked account, found again by its stable identifier. */
  private LdapTarget target(UUID accountId) {
    DirectoryAccounts.Link link =
        linked
            .linkOf(accountId)
            .orElseThrow(() -> new AccountRejected("account_unknown", "Unknown account"));
    LdapClient client =
        ldap.forTenant(link.tenantId())
            .orElseThrow(
                () ->
                    new DirectoryUnavailable("The tenant has no directory connection switched on"));
    if (link.directoryId() == null) {
      throw new AccountRejected(
          "directory_entry_missing", "The account was never found in the directory");
    }
    LdapUser user =
        client
            .findByStableId(link.directoryId())
            .orElseThrow(
                () ->
                    new AccountRejected(
                        "directory_entry_missing", "The account is no longer in the directory"));
    return new LdapTarget(client, user);
  }

  private record LdapTarget(LdapClient client, LdapUser user) {}

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
    if (candidate.isEmpty() && userId.length() <= 320) {
      String upn = normalise(userId);
      Optional<Tenant> tenant = tenants.findByUserId(upn);
      Optional<LdapClient> client = tenant.flatMap(t -> ldap.forTenant(t.id()));
      if (client.isPresent()) {
        return bind(tenant.get(), client.get(), upn, password);
      }
    }
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

  /**
   * Sign-in of a directory user: find the entry with the service account, then a simple bind as the
   * user on its own connection (RFC 4513 §5.1.3). An empty password is never sent (§5.1.2: an
   * unauthenticated bind would "succeed"). The account's lockout state is whatever the directory
   * says.
   */
  private Optional<Account> bind(Tenant tenant, LdapClient client, String upn, String password) {
    Optional<LdapMatch> match = fromDirectory(tenant, client, upn);
    if (password.isEmpty()) {
      return Optional.empty();
    }
    if (match.isEmpty()) {
      // The same round trips for an unknown user as for a wrong password (no user enumeration by
      // timing, ASVS 5.0 §6.3.8): a bind to an entry that does not exist fails like one.
      client.bind("cn=" + UUID.randomUUID() + "," + client.settings().baseDn(), password);
      return Optional.empty();
    }
    BindOutcome outcome = client.bind(match.get().user().dn(), password);
    Account account = match.get().account();
    switch (outcome) {
      case OK -> {
        if (account.locked()) {
          // The directory let the user in, so its lockout has passed; Rekey follows it.
          setLockedLocally(account.id(), false);
        }
        return findById(account.id());
      }
      case MUST_CHANGE, PASSWORD_EXPIRED -> {
        // The password is right but the directory wants a new one: Rekey's change page asks for it
        // and writes it back.
        jdbc.sql("UPDATE account SET must_change_password = TRUE, locked = FALSE WHERE id = ?")
            .param(account.id())
            .update();
        return findById(account.id());
      }
      case LOCKED -> {
        setLockedLocally(account.id(), true);
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
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
  // Nothing is written before the directory answers, so its refusal or silence leaves the caller's
  // transaction (a reset flow's) usable: the caller reports it and commits what it recorded.
  @Transactional(
      noRollbackFor = {
        DirectoryPasswordRefused.class,
        DirectoryUnavailable.class,
        AccountRejected.class
      })
  public void setPassword(UUID accountId, String newPassword, boolean mustChange) {
    Account account =
        findById(accountId)
            .orElseThrow(() -> new AccountRejected("account_unknown", "Unknown account"));
    if (account.passwordAuthority() == PasswordAuthority.EXTERNAL) {
      throw new AccountRejected("password_not_managed", "Password not managed by Rekey");
    }
    Instant now = clock.instant();
    String hash = hashing.hash(newPassword);
    if (account.passwordAuthority() == PasswordAuthority.DIRECTORY) {
      // The directory first (issue 6): Rekey's records change only once it accepted the password,
      // so a refusal or an outage leaves everything as it was. A crash after this line leaves the
      // directory with the password the user just chose, which they know.
      LdapTarget target = target(accountId);
      target.client().setPassword(target.user().dn(), newPassword);
      jdbc.sql(
              "UPDATE account SET must_change_password = ?, password_changed_at = ?,"
                  + " directory_dn = ? WHERE id = ?")
          .params(mustChange, SqlTime.of(now), target.user().dn(), accountId)
          .update();
      remember(accountId, hash, now);
      return;
    }
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
    if (!locked && linked.linkOf(accountId).isPresent()) {
      // Lift the directory's own lockout first (ppolicy pwdAccountLockedTime / AD lockoutTime).
      LdapTarget target = target(accountId);
      target.client().unlock(target.user().dn());
    }
    setLockedLocally(accountId, locked);
  }

  private void setLockedLocally(UUID accountId, boolean locked) {
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
        rs.getBoolean("enabled") && !rs.getBoolean("directory_disabled"),
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
