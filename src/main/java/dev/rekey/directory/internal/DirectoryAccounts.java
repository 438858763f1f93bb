package dev.rekey.directory.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.internal.ldap.LdapUser;
import dev.rekey.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rekey's record of a directory user: an account with authority {@code directory}, linked to the
 * directory entry by the entry's stable identifier ({@code entryUUID} / {@code objectGUID}), never
 * by its name, so a rename or a move keeps the user's security info (issue 6). The password stays
 * in the directory; the row holds names, state and the link.
 */
@Component
class DirectoryAccounts {

  private static final Logger log = LoggerFactory.getLogger(DirectoryAccounts.class);
  private static final String DIRECTORY = "directory";

  /** What happened to the row. */
  enum Change {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** A Rekey-owned account already holds this user ID: never taken over silently. */
    CONFLICT
  }

  record Linked(@Nullable UUID accountId, Change change) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  DirectoryAccounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The sign-in ID of a directory user: the attribute itself when it holds a domain
   * (userPrincipalName, mail), else the value at the domain the user typed or the tenant's first
   * domain.
   */
  static Optional<String> upnOf(
      LdapUser user, LdapSettings settings, Tenant tenant, @Nullable String typedDomain) {
    String value = user.userId().strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (settings.userIdHasDomain()) {
      int at = value.lastIndexOf('@');
      return at > 0 && tenant.ownsDomain(value.substring(at + 1))
          ? Optional.of(value)
          : Optional.empty();
    }
    if (value.contains("@")) {
      return Optional.empty();
    }
    String domain = typedDomain != null ? typedDomain : tenant.domains().get(0);
    return Optional.of(value + "@" + domain.toLowerCase(Locale.ROOT));
  }

  /** The value to search the user ID attribute for, given what the user typed. */
  static String searchValue(String upn, LdapSettings settings) {
    String normalised = upn.strip().toLowerCase(Locale.ROOT);
    if (settings.userIdHasDomain()) {
      return normalised;
    }
    int at = normalised.lastIndexOf('@');
    return at > 0 ? normalised.substring(0, at) : normalised;
  }

  /**
   * Creates or refreshes the account of a directory user: by stable identifier first (renames
   * follow), then by user ID for an account an admin created with authority {@code directory}
   * before the first sign-in. Groups read from the directory are mirrored when asked.
   */
  @Transactional
  Linked link(UUID tenantId, LdapUser user, String upn, boolean syncGroups) {
    Instant now = clock.instant();
    String displayName = clip(user.displayName().isBlank() ? upn : user.displayName(), 256);
    Optional<Row> byId = row("directory_id = ?", tenantId, user.stableId());
    Optional<Row> byUpn = row("upn = ?", null, upn);
    UUID accountId;
    Change change;
    if (byId.isPresent()) {
      accountId = byId.get().id();
      if (byUpn.isPresent() && !byUpn.get().id().equals(accountId)) {
        log.warn(
            "Directory entry {} renamed to a user ID another account holds; left alone", accountId);
        return new Linked(accountId, Change.CONFLICT);
      }
      change = Change.UPDATED;
    } else if (byUpn.isPresent()) {
      Row existing = byUpn.get();
      if (!existing.tenantId().equals(tenantId)
          || !DIRECTORY.equals(existing.authority())
          || (existing.directoryId() != null && !existing.directoryId().equals(user.stableId()))) {
        return new Linked(existing.id(), Change.CONFLICT);
      }
      accountId = existing.id();
      change = Change.UPDATED;
    } else {
      accountId = UUID.randomUUID();
      jdbc.sql(
              "INSERT INTO account (id, tenant_id, upn, display_name, first_name, last_name, email,"
                  + " enabled, locked, password_authority, password_hash, must_change_password,"
                  + " created_at, directory_id, directory_dn, directory_disabled,"
                  + " directory_synced_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, 'directory', NULL, FALSE, ?, ?, ?, ?, ?)")
          .params(
              accountId,
              tenantId,
              upn,
              displayName,
              clipOrNull(user.firstName(), 128),
              clipOrNull(user.lastName(), 128),
              email(user.email()),
              user.locked(),
              SqlTime.of(now),
              user.stableId(),
              clip(user.dn(), 1024),
              user.disabled(),
              SqlTime.of(now))
          .update();
      jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, 'user')")
          .param(accountId)
          .update();
      if (syncGroups) {
        mirrorGroups(tenantId, accountId, user.groups(), now);
      }
      return new Linked(accountId, Change.CREATED);
    }
    int updated =
        jdbc.sql(
                "UPDATE account SET upn = ?, display_name = ?, first_name = ?, last_name = ?,"
                    + " email = ?, locked = ?, directory_id = ?, directory_dn = ?,"
                    + " directory_disabled = ?, directory_synced_at = ? WHERE id = ?"
                    + " AND NOT (upn = ? AND display_name = ? AND COALESCE(first_name, '') = ?"
                    + " AND COALESCE(last_name, '') = ? AND COALESCE(email, '') = ?"
                    + " AND locked = ? AND COALESCE(directory_id, '') = ?"
                    + " AND COALESCE(directory_dn, '') = ?"
                    + " AND directory_disabled = ?)")
            .params(
                upn,
                displayName,
                clipOrNull(user.firstName(), 128),
                clipOrNull(user.lastName(), 128),
                email(user.email()),
                user.locked(),
                user.stableId(),
                clip(user.dn(), 1024),
                user.disabled(),
                SqlTime.of(now),
                accountId,
                upn,
                displayName,
                nullToEmpty(clipOrNull(user.firstName(), 128)),
                nullToEmpty(clipOrNull(user.lastName(), 128)),
                nullToEmpty(email(user.email())),
                user.locked(),
                user.stableId(),
                clip(user.dn(), 1024),
                user.disabled())
            .update();
    boolean groupsChanged = syncGroups && mirrorGroups(tenantId, accountId, user.groups(), now);
    return new Linked(
        accountId,
        updated > 0 || groupsChanged || change == Change.CREATED ? change : Change.UNCHANGED);
  }

  /** The directory's current DN and stable identifier of a directory account. */
  Optional<Link> linkOf(UUID accountId) {
    return jdbc.sql(
            "SELECT tenant_id, directory_id, directory_dn FROM account WHERE id = ?"
                + " AND password_authority = 'directory'")
        .param(accountId)
        .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .optional();
  }

  record Link(UUID tenantId, @Nullable String directoryId, @Nullable String dn) {}

  /** Marks the accounts of a tenant not seen by a full synchronisation as gone (disabled). */
  int markMissing(UUID tenantId, Set<String> seenIds) {
    List<Row> linked =
        jdbc.sql(
                "SELECT id, tenant_id, password_authority, directory_id FROM account"
                    + " WHERE tenant_id = ? AND directory_id IS NOT NULL AND directory_disabled = FALSE")
            .param(tenantId)
            .query(DirectoryAccounts::map)
            .list();
    int missing = 0;
    for (Row row : linked) {
      if (!seenIds.contains(row.directoryId())) {
        jdbc.sql("UPDATE account SET directory_disabled = TRUE WHERE id = ?")
            .param(row.id())
            .update();
        missing++;
      }
    }
    return missing;
  }

  /**
   * Makes the account's memberships of directory-sourced groups exactly {@code names}, creating the
   * groups that are new. A group an admin made in Rekey with the same name is left alone.
   *
   * @return whether anything changed
   */
  private boolean mirrorGroups(UUID tenantId, UUID accountId, List<String> names, Instant now) {
    Set<UUID> wanted = new HashSet<>();
    for (String raw : names) {
      String name = clip(raw.strip(), 256);
      if (name.isEmpty()) {
        continue;
      }
      record G(UUID id, String source) {}
      Optional<G> group =
          jdbc.sql("SELECT id, source FROM account_group WHERE tenant_id = ? AND name = ?")
              .params(tenantId, name)
              .query((rs, n) -> new G(rs.getObject(1, UUID.class), rs.getString(2)))
              .optional();
      if (group.isEmpty()) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                "INSERT INTO account_group (id, tenant_id, name, created_at, source)"
                    + " VALUES (?, ?, ?, ?, 'directory')")
            .params(id, tenantId, name, SqlTime.of(now))
            .update();
        wanted.add(id);
      } else if (DIRECTORY.equals(group.get().source())) {
        wanted.add(group.get().id());
      }
    }
    List<UUID> current =
        jdbc.sql(
                "SELECT gm.group_id FROM group_member gm JOIN account_group g ON g.id = gm.group_id"
                    + " WHERE gm.member_account_id = ? AND g.source = 'directory'")
            .param(accountId)
            .query(UUID.class)
            .list();
    boolean changed = false;
    for (UUID groupId : current) {
      if (!wanted.remove(groupId)) {
        jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND member_account_id = ?")
            .params(groupId, accountId)
            .update();
        changed = true;
      }
    }
    for (UUID groupId : wanted) {
      jdbc.sql("INSERT INTO group_member (group_id, member_account_id) VALUES (?, ?)")
          .params(groupId, accountId)
          .update();
      changed = true;
    }
    return changed;
  }

  private record Row(UUID id, UUID tenantId, String authority, @Nullable String directoryId) {}

  private Optional<Row> row(String condition, @Nullable UUID tenantId, String value) {
    String sql =
        "SELECT id, tenant_id, password_authority, directory_id FROM account WHERE "
            + condition
            + (tenantId != null ? " AND tenant_id = ?" : "");
    var spec = jdbc.sql(sql).param(value);
    if (tenantId != null) {
      spec = spec.param(tenantId);
    }
    return spec.query(DirectoryAccounts::map).optional();
  }

  private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(
        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4));
  }

  private static @Nullable String email(@Nullable String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String value = email.strip().toLowerCase(Locale.ROOT);
    return value.length() > 320 ? null : value;
  }

  private static String nullToEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static String clip(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }

  private static @Nullable String clipOrNull(@Nullable String value, int max) {
    return value == null || value.isBlank() ? null : clip(value.strip(), max);
  }
}
