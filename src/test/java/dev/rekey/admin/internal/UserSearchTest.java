package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.common.RequestOrigin;
import dev.rekey.common.SqlTime;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.methods.SecurityInfo;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.Cookies;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The user search on a generated tenant of 300 accounts with known locks, blocks, groups, methods
 * and roles: every filter, their combinations, paging and totals — and "registered" in SQL agrees
 * with {@code SecurityInfo.requirements(account).isRegistered()} account by account.
 */
@RekeyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSearchTest {

  static final int COUNT = 300;

  @Autowired MockMvc mvc;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired SsprPolicies policies;
  @Autowired SecurityInfo securityInfo;
  @Autowired Clock clock;
  @Autowired JdbcUserSearch userSearch;

  Tenant tenant;
  String domain;
  Account admin;
  Group top;
  Group leaf;
  final List<Account> accounts = new ArrayList<>();

  // The generated pattern, by account number.
  static boolean locked(int i) {
    return i % 7 == 0;
  }

  static boolean blocked(int i) {
    return i % 11 == 0;
  }

  static boolean expiredBlock(int i) {
    return i % 13 == 0 && !blocked(i);
  }

  static boolean inLeaf(int i) {
    return i % 3 == 0;
  }

  static boolean inTop(int i) {
    return i % 5 == 0;
  }

  static boolean helpdesk(int i) {
    return i % 50 == 0;
  }

  /** Active methods by {@code i % 6}; every fourth account also has a pending phone. */
  static List<String> methods(int i) {
    return switch (i % 6) {
      case 1 -> List.of("softwareOath");
      case 2 -> List.of("email");
      case 3 -> List.of("softwareOath", "email", "softwareOath");
      case 4 -> List.of("phone", "fido2");
      case 5 -> List.of("email", "securityQuestions");
      default -> List.of();
    };
  }

  /**
   * Registered under the policy "app, SMS, email, security key; {@code required} methods": users
   * need {@code required} different offered kinds with a strong one; helpdesk operators two of app,
   * phone, security key, email.
   */
  static boolean registered(int i, int required) {
    Set<String> kinds = new HashSet<>(methods(i));
    kinds.remove("securityQuestions"); // not offered, and never counted for administrators
    boolean strong =
        kinds.contains("softwareOath") || kinds.contains("phone") || kinds.contains("fido2");
    int needed = helpdesk(i) ? 2 : required;
    return strong && kinds.size() >= needed;
  }

  @BeforeAll
  void generate() {
    domain = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    tenant = tenants.create("Search " + domain, List.of(domain));
    admin =
        directory.create(
            new NewAccount(
                tenant.id(),
                "zz-admin@" + domain,
                "Zz Admin",
                null,
                null,
                null,
                Set.of(Role.ADMIN),
                PasswordAuthority.REKEY),
            TestSessions.DEMO_PASSWORD,
            false);
    top = groups.create(tenant.id(), "Top");
    leaf = groups.create(tenant.id(), "Leaf");
    groups.addGroup(top.id(), leaf.id());
    Instant now = clock.instant();
    for (int i = 0; i < COUNT; i++) {
      Account a =
          directory.create(
              new NewAccount(
                  tenant.id(),
                  "u-%03d@%s".formatted(i, domain),
                  "User %03d".formatted(i),
                  null,
                  null,
                  null,
                  helpdesk(i) ? Set.of(Role.HELPDESK) : Set.of(Role.USER),
                  PasswordAuthority.REKEY),
              null,
              false);
      accounts.add(a);
      if (locked(i)) {
        directory.setLocked(a.id(), true);
      }
      if (blocked(i) || expiredBlock(i)) {
        jdbc.sql(
                "INSERT INTO sspr_block (account_id, blocked_until, reason, created_at)"
                    + " VALUES (?, ?, 'test', ?)")
            .params(
                a.id(),
                SqlTime.of(blocked(i) ? now.plus(Duration.ofHours(1)) : now.minusSeconds(60)),
                SqlTime.of(now))
            .update();
      }
      if (inLeaf(i)) {
        groups.addAccount(leaf.id(), a.id());
      }
      if (inTop(i)) {
        groups.addAccount(top.id(), a.id());
      }
      for (String type : methods(i)) {
        method(a, type, "active", now);
      }
      if (i % 4 == 0) {
        method(a, "phone", "pending", now);
      }
    }
    policies.update(
        tenant.id(),
        SsprPolicyChanges.builder().methodsRequiredToReset(2).build(),
        admin.id(),
        RequestOrigin.system());
  }

  private void method(Account a, String type, String status, Instant now) {
    jdbc.sql(
            "INSERT INTO auth_method (id, tenant_id, account_id, method_type, hint, status,"
                + " is_default, created_at) VALUES (?, ?, ?, ?, 'test', ?, FALSE, ?)")
        .params(UUID.randomUUID(), tenant.id(), a.id(), type, status, SqlTime.of(now))
        .update();
  }

  private Cookie session() throws Exception {
    return Objects.requireNonNull(
        Cookies.session(TestSessions.signIn(mvc, admin.upn(), TestSessions.DEMO_PASSWORD)));
  }

  private String search(Cookie session, String query) throws Exception {
    var request = get("/api/v1/admin/users").cookie(session);
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        request.param(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** All matching user IDs, fetched page by page, and the total every page reported. */
  private List<String> all(Cookie session, String query) throws Exception {
    List<String> ids = new ArrayList<>();
    Set<Integer> totals = new HashSet<>();
    for (int page = 0; page < 20; page++) {
      String json = search(session, query + "&size=40&page=" + page);
      totals.add(JsonPath.<Integer>read(json, "$.totalItems"));
      assertThat(JsonPath.<Integer>read(json, "$.page")).isEqualTo(page);
      assertThat(JsonPath.<Integer>read(json, "$.size")).isEqualTo(40);
      List<String> items = JsonPath.read(json, "$.items[*].userId");
      assertThat(items.size()).isLessThanOrEqualTo(40);
      if (items.isEmpty()) {
        break;
      }
      ids.addAll(items);
    }
    assertThat(totals).containsExactly(ids.size());
    return ids;
  }

  private List<String> expected(IntPredicate matches) {
    return IntStream.range(0, COUNT)
        .filter(matches)
        .mapToObj(i -> "u-%03d@%s".formatted(i, domain))
        .toList();
  }

  @Test
  void pagesCoverEveryAccountOnceInUserIdOrder() throws Exception {
    Cookie session = session();
    List<String> ids = all(session, "");
    assertThat(ids).hasSize(COUNT + 1).doesNotHaveDuplicates().isSorted();
    assertThat(ids.get(COUNT)).isEqualTo(admin.upn());

    String beyond = search(session, "page=99&size=50");
    assertThat(JsonPath.<List<?>>read(beyond, "$.items")).isEmpty();
    assertThat(JsonPath.<Integer>read(beyond, "$.totalItems")).isEqualTo(COUNT + 1);
    String first = search(session, "");
    assertThat(JsonPath.<Integer>read(first, "$.size")).isEqualTo(50);
    assertThat(JsonPath.<List<?>>read(first, "$.items")).hasSize(50);
  }

  @Test
  void keysetCursorsWalkEveryMatchForwardAndBack() throws Exception {
    Cookie session = session();
    for (String filter : List.of("", "registered=false", "status=locked")) {
      List<String> byPage = all(session, filter);
      List<String> forward = new ArrayList<>();
      String json = search(session, filter + "&size=40");
      assertThat(json).doesNotContain("\"previousCursor\"");
      String lastJson = json;
      while (true) {
        List<String> items = JsonPath.read(json, "$.items[*].userId");
        forward.addAll(items);
        lastJson = json;
        if (!json.contains("\"nextCursor\"")) {
          break;
        }
        String next = JsonPath.read(json, "$.nextCursor");
        assertThat(next).isEqualTo(items.get(items.size() - 1));
        json = search(session, filter + "&size=40&after=" + next);
      }
      assertThat(forward).as(filter).isEqualTo(byPage);

      List<String> backward =
          new ArrayList<>(JsonPath.<List<String>>read(lastJson, "$.items[*].userId"));
      json = lastJson;
      while (json.contains("\"previousCursor\"")) {
        String previous = JsonPath.read(json, "$.previousCursor");
        json = search(session, filter + "&size=40&before=" + previous);
        List<String> items = JsonPath.read(json, "$.items[*].userId");
        assertThat(items).hasSizeLessThanOrEqualTo(40);
        backward.addAll(0, items);
      }
      assertThat(backward).as(filter).isEqualTo(byPage);
    }
  }

  @Test
  void aCursorAndItsOppositeTogetherAreRefused() throws Exception {
    mvc.perform(
            get("/api/v1/admin/users")
                .cookie(session())
                .param("after", "a@" + domain)
                .param("before", "b@" + domain))
        .andExpect(status().isBadRequest());
    // A cursor longer than any user ID is refused too, naming the field, never a 500.
    mvc.perform(get("/api/v1/admin/users").cookie(session()).param("after", "x".repeat(400)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("after")));
  }

  @Test
  void totalsAreExactUpToTheLimitThenMarkedAsMore() throws Exception {
    Cookie session = session();
    String exact = search(session, "");
    assertThat(JsonPath.<Integer>read(exact, "$.totalItems")).isEqualTo(COUNT + 1);
    assertThat(JsonPath.<Boolean>read(exact, "$.totalExact")).isTrue();
    int previous = userSearch.countLimit(100);
    try {
      String capped = search(session, "");
      assertThat(JsonPath.<Integer>read(capped, "$.totalItems")).isEqualTo(100);
      assertThat(JsonPath.<Boolean>read(capped, "$.totalExact")).isFalse();
      // Paging still reaches every account: the next cursor does not depend on the count.
      assertThat(JsonPath.<String>read(capped, "$.nextCursor")).isNotBlank();
      String narrow = search(session, "status=locked");
      assertThat(JsonPath.<Boolean>read(narrow, "$.totalExact")).isTrue();
      String page =
          mvc.perform(get("/admin/users").cookie(session))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains("More than 100 users").contains("Page 1<");
    } finally {
      userSearch.countLimit(previous);
    }
  }

  @Test
  void eachFilterFindsExactlyTheGeneratedAccounts() throws Exception {
    Cookie session = session();
    List<String> withAdmin = new ArrayList<>(expected(i -> !registered(i, 2)));
    withAdmin.add(admin.upn()); // no methods
    assertThat(all(session, "registered=false")).isEqualTo(withAdmin);
    assertThat(all(session, "registered=true")).isEqualTo(expected(i -> registered(i, 2)));
    assertThat(all(session, "status=locked")).isEqualTo(expected(UserSearchTest::locked));
    assertThat(all(session, "status=blocked")).isEqualTo(expected(UserSearchTest::blocked));
    assertThat(all(session, "group=" + leaf.id())).isEqualTo(expected(UserSearchTest::inLeaf));
    assertThat(all(session, "group=" + top.id()))
        .as("nested groups count")
        .isEqualTo(expected(i -> inTop(i) || inLeaf(i)));
    assertThat(all(session, "method=softwareOath"))
        .isEqualTo(expected(i -> methods(i).contains("softwareOath")));
    assertThat(all(session, "method=phone"))
        .as("pending methods do not count")
        .isEqualTo(expected(i -> methods(i).contains("phone")));
    assertThat(all(session, "method=securityQuestions"))
        .isEqualTo(expected(i -> methods(i).contains("securityQuestions")));
    assertThat(all(session, "query=U-01")).isEqualTo(expected(i -> i >= 10 && i < 20));
    assertThat(all(session, "query=user%2002")).isEqualTo(expected(i -> i >= 20 && i < 30));
    assertThat(all(session, "query=%25")).as("LIKE wildcards are literal").isEmpty();
    assertThat(all(session, "query=_")).isEmpty();
  }

  @Test
  void filtersCombine() throws Exception {
    Cookie session = session();
    assertThat(all(session, "registered=true&status=locked&group=" + top.id()))
        .isEqualTo(expected(i -> registered(i, 2) && locked(i) && (inTop(i) || inLeaf(i))));
    assertThat(all(session, "registered=false&method=email&status=blocked"))
        .isEqualTo(expected(i -> !registered(i, 2) && methods(i).contains("email") && blocked(i)));
  }

  @Test
  void itemsCarryTheAccountsFacts() throws Exception {
    Cookie session = session();
    String json = search(session, "query=u-100@");
    assertThat(JsonPath.<String>read(json, "$.items[0].userId")).isEqualTo("u-100@" + domain);
    assertThat(JsonPath.<String>read(json, "$.items[0].displayName")).isEqualTo("User 100");
    assertThat(JsonPath.<List<String>>read(json, "$.items[0].roles")).containsExactly("helpdesk");
    assertThat(JsonPath.<List<String>>read(json, "$.items[0].methods"))
        .containsExactlyInAnyOrder("phone", "fido2");
    assertThat(JsonPath.<Boolean>read(json, "$.items[0].registered")).isTrue();
    assertThat(JsonPath.<Boolean>read(json, "$.items[0].locked")).isFalse();
    assertThat(JsonPath.<Boolean>read(json, "$.items[0].blocked")).isFalse();
    assertThat(JsonPath.<Boolean>read(json, "$.items[0].enabled")).isTrue();
    assertThat(JsonPath.<String>read(json, "$.items[0].passwordAuthority")).isEqualTo("rekey");
    assertThat(JsonPath.<String>read(json, "$.items[0].id"))
        .isEqualTo(accounts.get(100).id().toString());
    String blockedOne = search(session, "query=u-077@");
    assertThat(JsonPath.<Boolean>read(blockedOne, "$.items[0].blocked")).isTrue();
    assertThat(JsonPath.<Boolean>read(blockedOne, "$.items[0].locked")).isTrue();
  }

  /**
   * The SQL "registered" and SecurityInfo's agree on every generated account, under the tenant's
   * policy (two methods) and after the admin lowers it to one.
   */
  @Test
  void registeredInSqlAgreesWithSecurityInfo() throws Exception {
    Cookie session = session();
    try {
      for (int required : List.of(2, 1)) {
        policies.update(
            tenant.id(),
            SsprPolicyChanges.builder().methodsRequiredToReset(required).build(),
            admin.id(),
            RequestOrigin.system());
        String json = search(session, "size=500");
        List<String> ids = JsonPath.read(json, "$.items[*].userId");
        List<Boolean> flags = JsonPath.read(json, "$.items[*].registered");
        Map<String, Boolean> sql = new HashMap<>();
        for (int k = 0; k < ids.size(); k++) {
          sql.put(ids.get(k), flags.get(k));
        }
        for (int i = 0; i < COUNT; i++) {
          Account account = accounts.get(i);
          boolean java = securityInfo.requirements(account).isRegistered();
          assertThat(sql.get(account.upn()))
              .as("account %d with %s, %d required", i, methods(i), required)
              .isEqualTo(java)
              .isEqualTo(registered(i, required));
        }
      }
    } finally {
      policies.update(
          tenant.id(),
          SsprPolicyChanges.builder().methodsRequiredToReset(2).build(),
          admin.id(),
          RequestOrigin.system());
    }
  }
}
