package dev.rekey.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Issue 7: two real Rekey nodes on one PostgreSQL database (and Redis in {@link RedisClusterTest}),
 * driven over HTTP by a client that alternates between them like a round-robin load balancer
 * without sticky sessions. Each scenario leaves its audit events; the last test checks the whole
 * trail against what was done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ClusterScenarios {

  static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  static final String NEW_PASSWORD = "correct horse battery staple 77";
  static final String FLOW_PROGRESS = "Self-service password reset flow activity progress";
  static final String RESET = "Reset password (self-service)";
  static final String BLOCKED = "Blocked from self-service password reset";
  static final String SIGNED_IN = "User signed in";

  private final String database =
      "rekey_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final List<ClusterNode> nodes = new CopyOnWriteArrayList<>();

  /** Per user: the audit events the scenarios caused, in order ("activity|result"). */
  private final Map<UUID, List<String>> expected = new LinkedHashMap<>();

  RoundRobin client;

  /** The user of the blocking scenario, whose flow stays unfinished and is abandoned later. */
  User blockedUser;

  /** Extra properties of every node: where the throttle counters live. */
  abstract Map<String, String> storage();

  /** Checks that the counters really are where {@link #storage()} says. */
  abstract void assertCountersShared(JdbcClient jdbc);

  @BeforeAll
  void startTwoNodes() throws SQLException {
    admin("CREATE DATABASE " + database);
    nodes.add(node("a"));
    nodes.add(node("b"));
    client = new RoundRobin(() -> List.copyOf(nodes));
  }

  @AfterAll
  void stopAndDropTheDatabase() throws SQLException {
    nodes.forEach(ClusterNode::close);
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  ClusterNode node(String name) {
    Map<String, String> properties = new LinkedHashMap<>(storage());
    // Both nodes sweep expired flows every half second once started (see the expiry scenario).
    properties.put("rekey.reset.expiry-initial-delay", "1s");
    properties.put("rekey.reset.expiry-interval", "500ms");
    return ClusterNode.start(name, PG + database, properties);
  }

  ClusterNode a() {
    return nodes.get(0);
  }

  ClusterNode b() {
    return nodes.get(1);
  }

  JdbcClient jdbc() {
    return b().bean(JdbcClient.class);
  }

  @Test
  @Order(1)
  void bothNodesAreHealthyAndServeTheSameDatabase() {
    for (ClusterNode node : nodes) {
      RoundRobin.Response health = client.get(node, "/actuator/health");
      assertThat(health.status()).as("health of %s", node).isEqualTo(200);
      assertThat(health.body()).contains("\"UP\"");
      assertThat(client.get(node, "/actuator/health/readiness").status()).isEqualTo(200);
      assertThat(client.get(node, "/actuator/health/liveness").status()).isEqualTo(200);
    }
    assertThat(a().port).isNotEqualTo(b().port);
  }

  /** (a) Started on A with A's CAPTCHA, verified on B, password set on A, signed in on B. */
  @Test
  @Order(2)
  void aResetStartedOnOneNodeCompletesOnTheOther() {
    User user = userWithApp("cluster-reset");
    client.forgetCookies();
    String flowId = startFlow(a(), user);

    nextStep();
    RoundRobin.Response verified =
        client.post(
            b(),
            "/api/v1/reset/flows/" + flowId + "/verifications",
            "{\"methodId\":\"" + user.appId() + "\",\"code\":\"" + code(user) + "\"}");
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat((Integer) JsonPath.read(verified.body(), "$.remainingMethods")).isZero();
    expect(user, FLOW_PROGRESS + "|Succeeded");

    RoundRobin.Response set =
        client.post(
            a(),
            "/api/v1/reset/flows/" + flowId + "/password",
            "{\"newPassword\":\"" + NEW_PASSWORD + "\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(204);
    expect(user, RESET + "|Succeeded");

    client.forgetCookies();
    assertThat(signIn(b(), user.upn(), TestSessions.DEMO_PASSWORD)).isEqualTo(401);
    expect(user, "User sign-in failed|Failed");
    assertThat(signIn(b(), user.upn(), NEW_PASSWORD)).isEqualTo(200);
    expect(user, SIGNED_IN + "|Succeeded");
    assertThat(client.get(a(), "/api/v1/session").body()).contains("\"authenticated\":true");
  }

  /** (b) Five wrong codes, alternating A and B, block the account on both nodes, audited once. */
  @Test
  @Order(3)
  void failuresOnBothNodesCountTogether() {
    User user = userWithApp("cluster-block");
    blockedUser = user;
    client.forgetCookies();
    String flowId = startFlow(a(), user);
    List<String> answeredBy = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      RoundRobin.Response wrong =
          client.post(
              "/api/v1/reset/flows/" + flowId + "/verifications",
              "{\"methodId\":\"" + user.appId() + "\",\"code\":\"00000000\"}");
      answeredBy.add(wrong.node().name);
      assertThat(wrong.status()).as("attempt %d: %s", i, wrong.body()).isEqualTo(i < 5 ? 400 : 429);
      expect(user, FLOW_PROGRESS + "|Failed");
    }
    assertThat(answeredBy).containsExactly("a", "b", "a", "b", "a");
    expect(user, BLOCKED + "|Blocked");
    // The right code is refused now on either node, and so is a new flow.
    for (ClusterNode node : nodes) {
      nextStep();
      RoundRobin.Response right =
          client.post(
              node,
              "/api/v1/reset/flows/" + flowId + "/verifications",
              "{\"methodId\":\"" + user.appId() + "\",\"code\":\"" + code(user) + "\"}");
      assertThat(right.status()).as("%s: %s", node, right.body()).isEqualTo(429);
      assertThat((String) JsonPath.read(right.body(), "$.code")).isEqualTo("blocked");
    }
    assertThat(
            jdbc()
                .sql(
                    "SELECT COUNT(*) FROM audit_event WHERE target_account_id = ? AND activity = ?")
                .params(user.account().id(), BLOCKED)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertCountersShared(jdbc());
  }

  /** (c) A session made on A survives A's restart and works on B and on the new A. */
  @Test
  @Order(4)
  void sessionsSurviveANodeRestart() {
    User user = userWithApp("cluster-session");
    client.forgetCookies();
    assertThat(signIn(a(), user.upn(), TestSessions.DEMO_PASSWORD)).isEqualTo(200);
    expect(user, SIGNED_IN + "|Succeeded");
    String session = client.cookie("REKEY_SESSION");
    assertThat(session).isNotBlank();

    ClusterNode old = nodes.get(0);
    old.close();
    assertThat(client.get(b(), "/api/v1/session").body())
        .as("on B while A is down")
        .contains("\"authenticated\":true");
    nodes.set(0, node("a2"));
    assertThat(a().port).isNotEqualTo(old.port);

    for (ClusterNode node : nodes) {
      RoundRobin.Response state = client.get(node, "/api/v1/session");
      assertThat(state.body()).as("on %s", node).contains("\"authenticated\":true");
      assertThat(state.body()).contains(user.upn());
    }
    assertThat(client.cookie("REKEY_SESSION")).isEqualTo(session);
  }

  /** (e) Both nodes sweep expired flows at once; each abandoned flow is audited exactly once. */
  @Test
  @Order(5)
  void abandonedFlowsAreAuditedOnceWhileBothNodesSweep() throws InterruptedException {
    List<User> users = new ArrayList<>();
    List<String> flows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      User user = userWithApp("cluster-abandon-" + i);
      client.forgetCookies();
      flows.add(startFlow(i % 2 == 0 ? a() : b(), user));
      expect(user, FLOW_PROGRESS + "|Abandoned");
      users.add(user);
    }
    // The blocked user's flow from the throttling scenario was never finished either.
    expect(blockedUser, FLOW_PROGRESS + "|Abandoned");
    ClusterNode.CLOCK.advance(Duration.ofMinutes(16));
    // Besides their own schedules, both nodes sweep at the same moment, racing for the same flows.
    sweepTogether();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (abandoned(flows) < flows.size() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    // A few more sweeps on both nodes find nothing left to audit.
    Thread.sleep(1500);
    assertThat(abandoned(flows)).isEqualTo(flows.size());
    for (String flowId : flows) {
      assertThat(
              jdbc()
                  .sql(
                      "SELECT COUNT(*) FROM audit_event WHERE flow_id = ? AND result = 'Abandoned'")
                  .param(flowId)
                  .query(Integer.class)
                  .single())
          .as("abandonment events of flow %s", flowId)
          .isEqualTo(1);
    }
  }

  /**
   * (d) Every event the scenarios caused is there exactly once; ids and sequence numbers unique.
   */
  @Test
  @Order(6)
  void theAuditTrailHasEveryEventOnceAndNoneMissing() {
    List<Map<String, Object>> all =
        jdbc().sql("SELECT id, seq FROM audit_event").query().listOfRows();
    assertThat(new HashSet<>(all.stream().map(r -> r.get("id")).toList())).hasSize(all.size());
    assertThat(new HashSet<>(all.stream().map(r -> r.get("seq")).toList())).hasSize(all.size());
    SoftAssertions trails = new SoftAssertions();
    for (Map.Entry<UUID, List<String>> user : expected.entrySet()) {
      List<String> actual =
          jdbc()
              .sql(
                  "SELECT activity || '|' || result FROM audit_event"
                      + " WHERE target_account_id = ? OR actor_id = ? ORDER BY seq")
              .params(user.getKey(), user.getKey())
              .query(String.class)
              .list();
      trails.assertThat(actual).as("audit trail of %s", user.getKey()).isEqualTo(user.getValue());
    }
    trails.assertAll();
  }

  // --- helpers ---

  record User(Account account, String upn, String appId, String secret) {}

  /**
   * A user of the demo tenant's "SSPR users" group who registered an authenticator app through the
   * API: signed in on one node, started the registration there and verified the code on the other.
   */
  User userWithApp(String prefix) {
    String upn = TestSessions.freshUpn(prefix);
    Account account =
        TestSessions.createAccount(
            a().bean(Tenants.class),
            a().bean(AccountDirectory.class),
            upn,
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    Groups groups = a().bean(Groups.class);
    groups.addAccount(
        groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id(), account.id());
    client.forgetCookies();
    assertThat(signIn(a(), upn, TestSessions.DEMO_PASSWORD)).isEqualTo(200);
    RoundRobin.Response started =
        client.post(a(), "/api/v1/me/authentication/softwareOathMethods", "");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = JsonPath.read(started.body(), "$.id");
    String secret = JsonPath.read(started.body(), "$.secret");
    User user = new User(account, upn, id, secret);
    nextStep();
    RoundRobin.Response verified =
        client.post(
            b(),
            "/api/v1/me/authentication/softwareOathMethods/" + id + "/verify",
            "{\"code\":\"" + code(user) + "\"}");
    assertThat(verified.status()).as(verified.body()).isBetween(200, 204);
    client.forgetCookies();
    expected.put(
        account.id(),
        new ArrayList<>(
            List.of(
                SIGNED_IN + "|Succeeded",
                "User registered security info|Succeeded",
                "User registered all required security info|Succeeded")));
    return user;
  }

  void expect(User user, String event) {
    expected.get(user.account().id()).add(event);
  }

  /** Signs in through the API on this node; answers the status. */
  int signIn(ClusterNode node, String upn, String password) {
    csrf(node);
    return client.post(node, "/api/v1/session", TestSessions.body(upn, password)).status();
  }

  /** Starts a reset flow on this node with a CAPTCHA that node handed out. */
  String startFlow(ClusterNode node, User user) {
    csrf(node);
    String captcha = CaptchaSolver.solve(client.get(node, "/api/v1/captcha").body());
    RoundRobin.Response started =
        client.post(
            node,
            "/api/v1/reset/flows",
            "{\"userId\":\"" + user.upn() + "\",\"captcha\":\"" + captcha + "\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    expect(user, FLOW_PROGRESS + "|Succeeded");
    return JsonPath.read(started.body(), "$.flowId");
  }

  /** The CSRF token cookie, as a browser has it after its first page. */
  void csrf(ClusterNode node) {
    if (client.cookie("XSRF-TOKEN") == null) {
      client.get(node, "/api/v1/session");
    }
  }

  String code(User user) {
    return TotpVerifier.codeAt(
        TotpSecrets.decode(user.secret()), TotpVerifier.stepAt(ClusterNode.CLOCK.instant()));
  }

  static void nextStep() {
    ClusterNode.CLOCK.advance(Duration.ofSeconds(30));
  }

  /** Runs each node's flow expiry sweep at once, from two threads released together. */
  void sweepTogether() throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> sweepers = new ArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    for (ClusterNode node : nodes) {
      Object expiry = node.context.getBean("flowExpiry");
      Thread sweeper =
          new Thread(
              () -> {
                try {
                  start.await();
                  ReflectionTestUtils.invokeMethod(expiry, "abandonExpired");
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      sweeper.start();
      sweepers.add(sweeper);
    }
    start.countDown();
    for (Thread sweeper : sweepers) {
      sweeper.join(20_000);
    }
    assertThat(errors).isEmpty();
  }

  int abandoned(List<String> flows) {
    int count = 0;
    for (String flowId : flows) {
      count +=
          jdbc()
              .sql("SELECT COUNT(*) FROM reset_flow WHERE id = ? AND outcome = 'abandoned'")
              .param(flowId)
              .query(Integer.class)
              .single();
    }
    return count;
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
