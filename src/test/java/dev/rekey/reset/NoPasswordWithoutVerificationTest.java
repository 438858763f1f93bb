package dev.rekey.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import dev.rekey.throttle.ResetThrottle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Property: no sequence of reset API calls sets a password (or unlocks) without the required
 * verification. Random sequences of every call, with wrong codes, unknown and real method ids,
 * repeated and out of order; the password must stay what it was and no reset may be audited.
 */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-reset-property-test",
      "rekey.reset.refusal-time=0ms",
      "rekey.throttle.flow-starts-per-ip=100000"
    })
class NoPasswordWithoutVerificationTest {

  static final int SEQUENCES = 120;
  static final long SEED = 20261129L;

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired ResetThrottle throttle;

  @Test
  void randomCallSequencesNeverChangeThePassword() throws Exception {
    ResetFixture fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
    ResetFixture.User user = fixture.userWithApp("property");
    directory.setLocked(user.account().id(), true);
    Random random = new Random(SEED);
    List<String> flows = new ArrayList<>();
    for (int sequence = 0; sequence < SEQUENCES; sequence++) {
      throttle.lift(user.account().id());
      directory.setLocked(user.account().id(), true);
      if (flows.isEmpty() || random.nextInt(3) == 0) {
        flows.add(fixture.flow(user.upn()));
      }
      String flowId =
          random.nextInt(10) == 0
              ? UUID.randomUUID().toString()
              : flows.get(random.nextInt(flows.size()));
      int calls = 1 + random.nextInt(8);
      for (int c = 0; c < calls; c++) {
        String methodId = random.nextBoolean() ? user.appId() : UUID.randomUUID().toString();
        String path =
            switch (random.nextInt(6)) {
              case 0 -> flowId + "/challenges";
              case 1, 2 -> flowId + "/verifications";
              case 3 -> flowId + "/password";
              case 4 -> flowId + "/unlock";
              default -> flowId + "/password/evaluate";
            };
        String body =
            switch (random.nextInt(4)) {
              case 0 ->
                  "{\"methodId\":\""
                      + methodId
                      + "\",\"code\":\""
                      + wrongCode(user, random)
                      + "\"}";
              case 1 ->
                  "{\"methodId\":\""
                      + methodId
                      + "\",\"phoneNumber\":\"+3161234567"
                      + random.nextInt(10)
                      + "\"}";
              case 2 -> "{\"newPassword\":\"" + ResetApiTest.NEW_PASSWORD + "\"}";
              default ->
                  "{\"methodId\":\""
                      + methodId
                      + "\",\"answers\":[{\"questionId\":\"q01\",\"answer\":\"x\"}]}";
            };
        int status = mvc.perform(fixture.call(path, body)).andReturn().getResponse().getStatus();
        assertThat(status).as(path + " " + body).isIn(Set.of(200, 400, 404, 409, 422, 429));
        if (random.nextInt(4) == 0) {
          fixture.nextStep();
        }
      }
      assertThat(directory.authenticate(user.upn(), TestSessions.DEMO_PASSWORD))
          .as("sequence %d", sequence)
          .isPresent();
      assertThat(directory.findById(user.account().id()).orElseThrow().locked()).isTrue();
    }
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE target_account_id = ? AND result = 'Succeeded'"
                        + " AND activity IN ('Reset password (self-service)',"
                        + " 'Unlock user account (self-service)')")
                .param(user.account().id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  /** An 8-digit or 6-digit code that is not valid at this moment (±1 step of drift). */
  private String wrongCode(ResetFixture.User user, Random random) {
    byte[] secret = TotpSecrets.decode(user.secret());
    long step = TotpVerifier.stepAt(clock.instant());
    Set<String> valid =
        Set.of(
            TotpVerifier.codeAt(secret, step - 1),
            TotpVerifier.codeAt(secret, step),
            TotpVerifier.codeAt(secret, step + 1));
    String code;
    do {
      code = String.format("%06d", random.nextInt(1_000_000));
    } while (valid.contains(code));
    return code;
  }
}
