package dev.rekey.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Role;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * With "uniform responses" on (SPEC §6.4), unknown, disabled, not enabled, not registered and
 * externally managed accounts get the same answer in the same time. The time is compared as
 * distributions with a two-sample Kolmogorov–Smirnov test, requests interleaved so that drift in
 * the machine's speed hits every kind alike.
 */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-uniform-test",
      "rekey.reset.refusal-time=120ms",
      "rekey.throttle.flow-starts-per-ip=100000"
    })
class UniformResponsesTest {

  static final int WARM_UP = 5;
  static final int SAMPLES = 40;

  @Autowired MockMvc mvc;
  @Autowired SsprPolicies policies;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;

  @Test
  void everyAccountThatCannotResetLooksAndTakesTheSame() throws Exception {
    Account admin = directory.findByUserId("admin@contoso.com").orElseThrow();
    policies.update(
        admin.tenantId(),
        SsprPolicyChanges.builder().uniformResponses(true).build(),
        admin.id(),
        RequestOrigin.system());
    Account disabled =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn("disabled"),
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    directory.setEnabled(disabled.id(), false);

    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("unknown", "nobody-" + System.nanoTime() + "@contoso.com");
    kinds.put("disabled", disabled.upn());
    kinds.put("not enabled (diego)", "diego@contoso.com");
    kinds.put("not registered (adele)", "adele@contoso.com");
    kinds.put("not managed (megan)", "megan@contoso.com");

    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    kinds.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    for (int round = 0; round < WARM_UP + SAMPLES; round++) {
      for (Map.Entry<String, String> kind : kinds.entrySet()) {
        String captcha = CaptchaSolver.fetchAndSolve(mvc);
        long began = System.nanoTime();
        MvcResult result =
            mvc.perform(
                    post("/api/v1/reset/flows")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"userId\":\""
                                + kind.getValue()
                                + "\",\"captcha\":\""
                                + captcha
                                + "\"}"))
                .andReturn();
        double millis = (System.nanoTime() - began) / 1e6;
        assertThat(result.getResponse().getStatus()).as(kind.getKey()).isEqualTo(403);
        bodies.put(kind.getKey(), result.getResponse().getContentAsString());
        if (round >= WARM_UP) {
          times.get(kind.getKey()).add(millis);
        }
      }
    }
    assertThat(bodies.values()).allMatch(b -> b.contains("\"code\":\"not_available\""));
    assertThat(bodies.values().stream().distinct()).hasSize(1);

    times.forEach(
        (kind, list) -> {
          double[] sorted = array(list);
          java.util.Arrays.sort(sorted);
          System.out.printf(
              "uniform responses: %-24s median %.2f ms, p90 %.2f ms%n",
              kind, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)]);
        });
    // Control: the same measurement tells apart a refusal that is not padded (a forged CAPTCHA is
    // refused before any account is looked at), so the test has the power to see a difference.
    List<Double> unpadded = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long began = System.nanoTime();
      mvc.perform(
              post("/api/v1/reset/flows")
                  .with(csrf())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"userId\":\"adele@contoso.com\",\"captcha\":\"forged\"}"))
          .andReturn();
      unpadded.add((System.nanoTime() - began) / 1e6);
    }
    assertThat(KolmogorovSmirnov.differ(array(unpadded), array(times.get("unknown")), 0.001))
        .as("the control differs")
        .isTrue();

    List<String> names = new ArrayList<>(times.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        double[] a = array(times.get(names.get(i)));
        double[] b = array(times.get(names.get(j)));
        assertThat(KolmogorovSmirnov.differ(a, b, 0.001))
            .as(
                "%s vs %s: D = %.3f, critical %.3f",
                names.get(i),
                names.get(j),
                KolmogorovSmirnov.statistic(a, b),
                KolmogorovSmirnov.critical(a.length, b.length, 0.001))
            .isFalse();
      }
    }
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
