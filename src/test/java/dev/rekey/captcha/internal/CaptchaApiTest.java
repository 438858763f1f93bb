package dev.rekey.captcha.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.captcha.Captcha;
import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@RekeyTest
class CaptchaApiTest {

  @Autowired MockMvc mvc;
  @Autowired Captcha captcha;
  @Autowired JdbcSpentChallenges spent;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TestClock clock;

  @Test
  void challengeIsServedWithoutSignInAndNeverCached() throws Exception {
    mvc.perform(get("/api/v1/captcha"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", Matchers.startsWith("application/json")))
        .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
        .andExpect(jsonPath("$.algorithm").value("SHA-256"))
        .andExpect(jsonPath("$.challenge").value(Matchers.matchesPattern("[0-9a-f]{64}")))
        .andExpect(jsonPath("$.salt").value(Matchers.matchesPattern("[0-9a-f]{24}\\?expires=\\d+")))
        .andExpect(jsonPath("$.maxnumber").value(100_000))
        .andExpect(jsonPath("$.signature").value(Matchers.matchesPattern("[0-9a-f]{64}")))
        .andExpect(jsonPath("$.length()").value(5));
  }

  @Test
  void fetchedAndSolvedChallengeIsRedeemedOnceAgainstTheDatabase() throws Exception {
    String payload = CaptchaSolver.fetchAndSolve(mvc);

    assertThat(captcha.redeem(payload)).isTrue();
    assertThat(captcha.redeem(payload)).as("replay").isFalse();
    assertThat(captcha.redeem(CaptchaSolver.fetchAndSolve(mvc))).isTrue();
  }

  @Test
  void spendingSurvivesTheCallersRollbackAndDoesNotPoisonItsTransaction() {
    String challenge = hex();
    Instant expires = clock.instant().plus(Duration.ofMinutes(10));
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              assertThat(spent.spend(challenge, expires)).isTrue();
              assertThat(spent.spend(challenge, expires)).isFalse();
              // The caller's transaction is still usable after the refused replay.
              assertThat(jdbc.sql("SELECT COUNT(*) FROM captcha_spent").query(Long.class).single())
                  .isPositive();
              tx.setRollbackOnly();
            });
    assertThat(spent.spend(challenge, expires)).as("still spent after the rollback").isFalse();
  }

  @Test
  void purgeForgetsOnlyChallengesExpiredBeyondTheMargin() {
    String old = hex();
    String recent = hex();
    String live = hex();
    spent.spend(old, clock.instant().minus(Duration.ofMinutes(6)));
    spent.spend(recent, clock.instant().minus(Duration.ofMinutes(1)));
    spent.spend(live, clock.instant().plus(Duration.ofMinutes(9)));

    assertThat(spent.purgeExpired()).isPositive();

    assertThat(stored(old)).isFalse();
    assertThat(stored(recent)).as("within the clock-skew margin").isTrue();
    assertThat(stored(live)).isTrue();
  }

  @Test
  void apiDescriptionListsTheCaptchaEndpoint() throws Exception {
    mvc.perform(get("/v3/api-docs").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/captcha'].get").exists());
  }

  boolean stored(String challenge) {
    return jdbc.sql("SELECT COUNT(*) FROM captcha_spent WHERE challenge = ?")
            .param(challenge)
            .query(Long.class)
            .single()
        == 1;
  }

  static String hex() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
