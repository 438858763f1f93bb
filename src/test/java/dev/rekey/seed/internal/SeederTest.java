package dev.rekey.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.reset.ResetFixture;
import dev.rekey.seed.SeedProperties;
import dev.rekey.seed.SeededAccounts;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The seeding tool (issue 7): what it loads, that the app accepts it, and what it refuses. */
@RekeyTest
@TestPropertySource(
    properties = {"spring.application.name=rekey-seed-test", "rekey.reset.refusal-time=0ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeederTest {

  static final String DOMAIN = "seed500.example";
  static final int N = 500;

  @Autowired Seeder seeder;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired ConfigurableApplicationContext context;

  UUID tenantId;

  @BeforeAll
  void seed() {
    Seeder.Result result =
        seeder.seed(SeedRequest.of(N, DOMAIN, SeededAccounts.DEFAULT_PASSWORD), Progress.silent(N));
    tenantId = result.tenantId();
    assertThat(result.accounts()).isEqualTo(N);
  }

  @Test
  void loadsTheAccountsTheContractDescribes() {
    assertThat(count("SELECT COUNT(*) FROM account WHERE tenant_id = ?")).isEqualTo(N);
    assertThat(
            jdbc.sql("SELECT upn FROM account WHERE tenant_id = ? ORDER BY upn")
                .param(tenantId)
                .query(String.class)
                .list())
        .hasSize(N)
        .startsWith("user0000000@seed500.example", "user0000001@seed500.example")
        .endsWith("user0000499@seed500.example");
    // 90 % have an active app; i % 10 == 9 do not.
    assertThat(count(methodCount("softwareOath"))).isEqualTo(450);
    assertThat(
            count(
                "SELECT COUNT(*) FROM auth_method m JOIN account a ON a.id = m.account_id"
                    + " WHERE a.tenant_id = ? AND m.method_type = 'softwareOath'"
                    + " AND a.upn LIKE '%9@%'"))
        .isZero();
    assertThat(count(methodCount("phone"))).isEqualTo(150);
    assertThat(count(methodCount("email"))).isEqualTo(100 + 25);
    assertThat(count("SELECT COUNT(*) FROM account WHERE tenant_id = ? AND locked")).isEqualTo(5);
    assertThat(
            count(
                "SELECT COUNT(*) FROM sspr_block b JOIN account a ON a.id = b.account_id"
                    + " WHERE a.tenant_id = ?"))
        .isEqualTo(3);
    assertThat(
            count(
                "SELECT COUNT(*) FROM account_role r JOIN account a ON a.id = r.account_id"
                    + " WHERE a.tenant_id = ? AND r.role = 'admin'"))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM account_group WHERE tenant_id = ?")).isEqualTo(20);
    assertThat(
            count(
                "SELECT COUNT(*) FROM group_member gm JOIN account a"
                    + " ON a.id = gm.member_account_id WHERE a.tenant_id = ?"))
        .isEqualTo(250);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_event WHERE tenant_id = ?"
                    + " AND activity IN ('Self-service password reset flow activity progress',"
                    + " 'Reset password (self-service)', 'Unlock user account (self-service)')"))
        .isEqualTo(100);
    // One hash for everyone, made by the application (Argon2id, PHC format).
    assertThat(
            jdbc.sql("SELECT DISTINCT password_hash FROM account WHERE tenant_id = ?")
                .param(tenantId)
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .startsWith("$argon2id$");
  }

  @Test
  void aSeededAccountSignsInWithTheSeededPassword() throws Exception {
    assertThat(
            TestSessions.session(
                mvc, SeededAccounts.upn(DOMAIN, 123), SeededAccounts.DEFAULT_PASSWORD))
        .isNotNull();
  }

  @Test
  void theContractsTotpSecretIsAcceptedByTheResetPortal() throws Exception {
    ResetFixture fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
    String upn = SeededAccounts.upn(DOMAIN, 7);
    MvcResult started = fixture.start(upn, "198.51.100.7");
    assertThat(started.getResponse().getStatus()).isEqualTo(201);
    String body = started.getResponse().getContentAsString();
    String flowId = JsonPath.read(body, "$.flowId");
    List<String> appIds = JsonPath.read(body, "$.methods[?(@.type == 'softwareOath')].id");
    assertThat(appIds).hasSize(1);
    fixture.nextStep();
    String code =
        TotpVerifier.codeAt(SeededAccounts.totpSecret(upn), TotpVerifier.stepAt(clock.instant()));
    mvc.perform(
            fixture.call(
                flowId + "/verifications",
                "{\"methodId\":\"" + appIds.get(0) + "\",\"code\":\"" + code + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verifiedMethods").value(1));
  }

  @Test
  void refusesBadInputAndChangesNothing() {
    long accounts = total("SELECT COUNT(*) FROM account");
    long tenantsBefore = total("SELECT COUNT(*) FROM tenant");

    assertThatThrownBy(() -> SeedRequest.of(0, "fresh.example", "x"))
        .isInstanceOf(SeedRefused.class)
        .hasMessageContaining("between 1 and 10000000");
    assertThatThrownBy(() -> SeedRequest.of(-5, "fresh.example", "x"))
        .isInstanceOf(SeedRefused.class);
    assertThatThrownBy(() -> SeedRequest.of(10_000_001, "fresh.example", "x"))
        .isInstanceOf(SeedRefused.class);
    assertThat(SeedRequest.of(10_000_000, "Fresh.Example", "x").domain())
        .isEqualTo("fresh.example");
    for (String domain : List.of("", "localhost", "not a domain", "a@b.example", "x..example")) {
      assertThatThrownBy(() -> SeedRequest.of(10, domain, "x"))
          .as(domain)
          .isInstanceOf(SeedRefused.class)
          .hasMessageContaining("rekey.seed.domain");
    }
    // A domain that already has a tenant (here the seeded one, and the demo tenant's).
    for (String taken : List.of(DOMAIN, "contoso.com")) {
      assertThatThrownBy(() -> seeder.seed(SeedRequest.of(10, taken, "x"), Progress.silent(10)))
          .isInstanceOf(SeedRefused.class)
          .hasMessageContaining("already belongs to tenant");
    }

    assertThat(total("SELECT COUNT(*) FROM account")).isEqualTo(accounts);
    assertThat(total("SELECT COUNT(*) FROM tenant")).isEqualTo(tenantsBefore);
  }

  @Test
  void theCommandAnswersStatusTwoWithTheReasonWhenRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new SeedRunner(new SeedProperties(0L, "fresh.example", "x"), seeder, context)
            .seed(
                new PrintStream(java.io.OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(SeedRunner.REFUSED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Seeding refused, nothing changed")
        .contains("rekey.seed.accounts");
  }

  private String methodCount(String type) {
    return "SELECT COUNT(*) FROM auth_method WHERE tenant_id = ? AND status = 'active'"
        + " AND method_type = '"
        + type
        + "'";
  }

  private long count(String sql) {
    return jdbc.sql(sql).param(tenantId).query(Long.class).single();
  }

  private long total(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
