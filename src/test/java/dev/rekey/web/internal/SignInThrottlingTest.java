package dev.rekey.web.internal;

import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RekeyTest
@TestPropertySource(
    properties = {
      "rekey.throttle.signin.free-failures=3",
      "rekey.throttle.signin.base-delay=1s",
      "rekey.web.trusted-proxies=127.0.0.1"
    })
class SignInThrottlingTest {

  static final String PASSWORD = "Right-Password-1";

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @MockitoBean Pause pause;

  String freshUser() {
    String upn = TestSessions.freshUpn("throttle");
    TestSessions.createAccount(tenants, directory, upn, PASSWORD, false);
    return upn;
  }

  static String ip() {
    return "10.50." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
  }

  ResultActions attempt(String upn, String password, String remote, String forwardedFor)
      throws Exception {
    var request =
        post("/api/v1/session")
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(remote);
                  return r;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content(TestSessions.body(upn, password));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return mvc.perform(request);
  }

  @Test
  void afterTheFreeFailuresTheSameClientIsRefusedWithRetryAfter() throws Exception {
    String upn = freshUser();
    String attacker = ip();
    for (int i = 0; i < 3; i++) {
      attempt(upn, "Wrong-" + i, attacker, null).andExpect(status().isUnauthorized());
    }

    attempt(upn, PASSWORD, attacker, null)
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("throttled"))
        .andExpect(jsonPath("$.retryAfter").value(1))
        .andExpect(header().string("Retry-After", "1"));
  }

  @Test
  void theRealUserOnAnotherClientIsDelayedButNotRefused() throws Exception {
    String upn = freshUser();
    String attacker = ip();
    for (int i = 0; i < 3; i++) {
      attempt(upn, "Wrong-" + i, attacker, null).andExpect(status().isUnauthorized());
    }

    attempt(upn, PASSWORD, ip(), null).andExpect(status().isOk());
    verify(pause).sleep(Duration.ofSeconds(1));
  }

  @Test
  void forwardedForFromAnUntrustedClientDoesNotDodgeTheThrottle() throws Exception {
    String upn = freshUser();
    String attacker = ip();
    for (int i = 0; i < 3; i++) {
      attempt(upn, "Wrong-" + i, attacker, "192.0.2." + i).andExpect(status().isUnauthorized());
    }
    attempt(upn, "Wrong-x", attacker, "192.0.2.99").andExpect(status().isTooManyRequests());
  }

  @Test
  void forwardedForFromATrustedProxyNamesTheClient() throws Exception {
    String upn = freshUser();
    for (int i = 0; i < 5; i++) {
      attempt(upn, "Wrong-" + i, "127.0.0.1", ip()).andExpect(status().isUnauthorized());
    }
    String client = ip();
    for (int i = 0; i < 3; i++) {
      attempt(upn, "Wrong-" + i, "127.0.0.1", client).andExpect(status().isUnauthorized());
    }
    attempt(upn, "Wrong-x", "127.0.0.1", client).andExpect(status().isTooManyRequests());
    attempt(upn, PASSWORD, "127.0.0.1", ip()).andExpect(status().isOk());
  }

  @Test
  void throttledSignInPageSaysSoInTheUsersLanguage() throws Exception {
    String upn = freshUser();
    String attacker = ip();
    for (int i = 0; i < 3; i++) {
      attempt(upn, "Wrong-" + i, attacker, null).andExpect(status().isUnauthorized());
    }
    mvc.perform(
            post("/login")
                .with(csrf())
                .with(
                    r -> {
                      r.setRemoteAddr(attacker);
                      return r;
                    })
                .header("Accept-Language", "nl")
                .param("userId", upn)
                .param("password", PASSWORD))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Te veel aanmeldpogingen")));
  }

  @Test
  void unknownUsersAreThrottledLikeKnownOnes() throws Exception {
    String nobody = "nobody-" + UUID.randomUUID() + "@contoso.com";
    String attacker = ip();
    for (int i = 0; i < 3; i++) {
      attempt(nobody, "Wrong-" + i, attacker, null).andExpect(status().isUnauthorized());
    }
    attempt(nobody, "Wrong-x", attacker, null).andExpect(status().isTooManyRequests());
  }
}
