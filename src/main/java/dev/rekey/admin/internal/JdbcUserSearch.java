package dev.rekey.admin.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegistrationRule;
import dev.rekey.methods.SecurityInfoAdministration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user search, filtered, counted and paged in SQL so that it stays fast for tenants with
 * 1,000,000 accounts: one page query in user-ID order (index {@code account_tenant_upn}), by page
 * number or by keyset cursor (the user ID after or before which to continue), one count that stops
 * at {@link UserQuery#COUNT_LIMIT}, then the roles and method kinds of the page's accounts only
 * (V13 indexes).
 *
 * <p>"Registered" is computed in SQL from the same {@link RegistrationRule} that {@code
 * SecurityInfo.requirements(account).isRegistered()} applies, so the two always agree: an account
 * is registered when its active methods cover at least {@code required} different kinds among the
 * kinds that count, and one of those is strong (SPEC §3). Helpdesk operators and admins are judged
 * by their fixed rule (two of app, phone, security key, email), everyone else by the tenant's
 * policy — the same split {@code Account.isAdministrator()} makes.
 */
@Repository
class JdbcUserSearch {

  private static final String FROM =
      " FROM account a LEFT JOIN sspr_block b ON b.account_id = a.id";

  private static final String IS_ADMINISTRATOR =
      "EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id"
          + " AND r.role IN ('admin', 'helpdesk'))";

  private static final String ACTIVE =
      " FROM auth_method m WHERE m.account_id = a.id"
          + " AND m.status = 'active' AND m.method_type";

  private final JdbcClient jdbc;
  private final SecurityInfoAdministration securityInfo;
  private final Clock clock;
  private final TransactionTemplate readOnly;
  private volatile @Nullable Boolean postgres;
  private int countLimit = UserQuery.COUNT_LIMIT;

  JdbcUserSearch(
      JdbcClient jdbc,
      SecurityInfoAdministration securityInfo,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.securityInfo = securityInfo;
    this.clock = clock;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** Tests lower the limit of the exact count, so "more than" shows without 10,000 accounts. */
  int countLimit(int limit) {
    int previous = countLimit;
    countLimit = limit;
    return previous;
  }

  /**
   * Runs the search in one read-only transaction. On PostgreSQL every statement is planned for its
   * actual values ({@code plan_cache_mode = force_custom_plan}, this transaction only): a generic
   * plan of a reused prepared statement cannot know that {@code '%user0543210%'} is rare or that no
   * account has a security key, and scans a million accounts where an index answers in
   * milliseconds.
   */
  UserSummary.Page search(UserQuery query) {
    return readOnly.execute(
        status -> {
          if (isPostgres()) {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
          }
          return searchNow(query);
        });
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known =
          jdbc.sql("SELECT 1")
              .query(
                  (rs, n) ->
                      rs.getStatement()
                          .getConnection()
                          .getMetaData()
                          .getDatabaseProductName()
                          .toLowerCase(Locale.ROOT)
                          .contains("postgres"))
              .single();
      postgres = known;
    }
    return known;
  }

  private UserSummary.Page searchNow(UserQuery query) {
    Map<String, Object> params = new HashMap<>();
    String registered = registered(query.tenantId());
    String where = where(query, registered, params);
    // Bounded count: at most COUNT_LIMIT + 1 matches are visited, so a broad filter over a
    // million accounts costs no more than a narrow one (then shown as "more than 10,000").
    int limit = countLimit;
    // LIMIT and OFFSET are literals (ints, never input text): with parameters PostgreSQL's generic
    // plan of a reused prepared statement guesses their size and may scan whole tables.
    long counted =
        jdbc.sql(
                "SELECT COUNT(*) FROM (SELECT a.id"
                    + FROM
                    + where
                    + " LIMIT "
                    + (limit + 1)
                    + ") c")
            .params(params)
            .query(Long.class)
            .single();
    boolean backwards = query.before() != null;
    String page = where;
    if (query.after() != null) {
      page += " AND a.upn > :after";
      params.put("after", query.after());
    } else if (backwards) {
      page += " AND a.upn < :before";
      params.put("before", query.before());
    }
    boolean keyset = query.after() != null || backwards;
    // One row more than the page tells whether another page follows.
    long offset = keyset ? 0L : (long) query.page() * query.size();
    record Row(
        UUID id,
        String upn,
        String displayName,
        boolean enabled,
        boolean locked,
        boolean blocked,
        String authority,
        boolean registered) {}
    List<Row> rows =
        new ArrayList<>(
            jdbc.sql(
                    "SELECT a.id, a.upn, a.display_name, a.enabled, a.locked,"
                        + " a.password_authority,"
                        + " CASE WHEN b.blocked_until > :now THEN TRUE ELSE FALSE END AS blocked,"
                        + " CASE WHEN "
                        + registered
                        + " THEN TRUE ELSE FALSE END AS registered"
                        + FROM
                        + page
                        + (backwards ? " ORDER BY a.upn DESC" : " ORDER BY a.upn")
                        + " LIMIT "
                        + (query.size() + 1)
                        + " OFFSET "
                        + offset)
                .params(params)
                .query(
                    (rs, n) ->
                        new Row(
                            rs.getObject("id", UUID.class),
                            rs.getString("upn"),
                            rs.getString("display_name"),
                            rs.getBoolean("enabled"),
                            rs.getBoolean("locked"),
                            rs.getBoolean("blocked"),
                            rs.getString("password_authority"),
                            rs.getBoolean("registered")))
                .list());
    boolean more = rows.size() > query.size();
    if (more) {
      rows.remove(rows.size() - 1);
    }
    if (backwards) {
      Collections.reverse(rows);
    }
    boolean hasNext = backwards || more;
    boolean hasPrevious = backwards ? more : keyset || query.page() > 0;
    String nextCursor = hasNext && !rows.isEmpty() ? rows.get(rows.size() - 1).upn() : null;
    String previousCursor = hasPrevious && !rows.isEmpty() ? rows.get(0).upn() : null;
    List<UUID> ids = rows.stream().map(Row::id).toList();
    Map<UUID, Set<Role>> roles = roles(ids);
    Map<UUID, Set<MethodType>> methods = methods(ids);
    List<UserSummary> items = new ArrayList<>();
    for (Row row : rows) {
      items.add(
          new UserSummary(
              row.id(),
              row.upn(),
              row.displayName(),
              row.enabled(),
              row.locked(),
              row.blocked(),
              roles.getOrDefault(row.id(), Set.of()),
              PasswordAuthority.fromCode(row.authority()).orElseThrow(),
              row.registered(),
              List.copyOf(methods.getOrDefault(row.id(), Set.of()))));
    }
    return new UserSummary.Page(
        items,
        query.page(),
        query.size(),
        Math.min(counted, limit),
        counted <= limit,
        nextCursor,
        previousCursor);
  }

  private String where(UserQuery query, String registered, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" WHERE a.tenant_id = :tenant");
    params.put("tenant", query.tenantId());
    params.put("now", SqlTime.of(clock.instant()));
    if (query.text() != null) {
      where.append(
          " AND (a.upn LIKE :text ESCAPE '!' OR LOWER(a.display_name) LIKE :text ESCAPE '!')");
      params.put("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.registered() != null) {
      where.append(query.registered() ? " AND " : " AND NOT ").append(registered);
    }
    if (query.status() == UserQuery.Status.LOCKED) {
      where.append(" AND a.locked = TRUE");
    } else if (query.status() == UserQuery.Status.BLOCKED) {
      where.append(" AND b.blocked_until > :now");
    }
    if (query.groupId() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM group_member gm WHERE gm.member_account_id = a.id"
              + " AND gm.group_id IN (:groups))");
      params.put("groups", withNested(query.groupId()));
    }
    if (query.method() != null) {
      where.append(" AND EXISTS (SELECT 1").append(ACTIVE).append(" = :method)");
      params.put("method", query.method().code());
    }
    return where.toString();
  }

  /**
   * The registration test as a boolean SQL expression. Its only literals are method-type codes
   * (enum constants) and the required count (an int), never request input.
   */
  private String registered(UUID tenantId) {
    return "(CASE WHEN "
        + IS_ADMINISTRATOR
        + " THEN "
        + meets(securityInfo.registrationRule(tenantId, true))
        + " ELSE "
        + meets(securityInfo.registrationRule(tenantId, false))
        + " END)";
  }

  static String meets(RegistrationRule rule) {
    if (rule.strongTypes().isEmpty() || rule.required() > rule.counted().size()) {
      return "FALSE";
    }
    String strong = "EXISTS (SELECT 1" + ACTIVE + " IN (" + codes(rule.strongTypes()) + "))";
    if (rule.required() <= 1) {
      return "(" + strong + ")"; // one strong method is a counted kind too
    }
    return "((SELECT COUNT(DISTINCT m.method_type)"
        + ACTIVE
        + " IN ("
        + codes(rule.counted())
        + ")) >= "
        + rule.required()
        + " AND "
        + strong
        + ")";
  }

  private static String codes(Set<MethodType> types) {
    return new TreeSet<>(types.stream().map(MethodType::code).toList())
        .stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
  }

  /** The group and every group nested in it, at any depth (nested groups count, SPEC §3). */
  private List<UUID> withNested(UUID groupId) {
    return jdbc.sql(
            "WITH RECURSIVE nested (group_id) AS ("
                + " SELECT id FROM account_group WHERE id = ?"
                + " UNION SELECT gm.member_group_id FROM group_member gm"
                + " JOIN nested n ON gm.group_id = n.group_id WHERE gm.member_group_id IS NOT NULL)"
                + " SELECT group_id FROM nested")
        .param(groupId)
        .query(UUID.class)
        .list();
  }

  private Map<UUID, Set<Role>> roles(List<UUID> ids) {
    Map<UUID, Set<Role>> roles = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return roles;
    }
    jdbc.sql("SELECT account_id, role FROM account_role WHERE account_id IN (:ids)")
        .param("ids", ids)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("account_id", UUID.class);
              Role.fromCode(rs.getString("role"))
                  .ifPresent(
                      r -> roles.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class)).add(r));
              return id;
            })
        .list();
    return roles;
  }

  private Map<UUID, Set<MethodType>> methods(List<UUID> ids) {
    Map<UUID, Set<MethodType>> methods = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return methods;
    }
    jdbc.sql(
            "SELECT DISTINCT account_id, method_type FROM auth_method"
                + " WHERE status = 'active' AND account_id IN (:ids)")
        .param("ids", ids)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("account_id", UUID.class);
              MethodType.fromCode(rs.getString("method_type"))
                  .ifPresent(
                      t ->
                          methods
                              .computeIfAbsent(id, k -> EnumSet.noneOf(MethodType.class))
                              .add(t));
              return id;
            })
        .list();
    return methods;
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
