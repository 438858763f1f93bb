package dev.rekey.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RekeyTest
class SecurityHeadersTest {

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void noSpringBootDefaultUserExists() throws Exception {
    assertThat(
            context.getBeanNamesForType(
                org.springframework.security.core.userdetails.UserDetailsService.class))
        .as("no in-memory 'user' with a generated password")
        .isEmpty();
    mvc.perform(
            get("/api/v1/me/authentication/methods")
                .header("Authorization", "Basic dXNlcjp4")) // user:x
        .andExpect(status().isUnauthorized());
  }

  @Test
  void pageAndApiResponsesCarryTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/login", "/api/v1/session"}) {
      MvcResult result = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
      String csp = result.getResponse().getHeader("Content-Security-Policy");
      assertThat(csp)
          .as(path)
          .isNotNull()
          .contains("default-src 'self'", "script-src 'self'", "style-src 'self'")
          .contains("frame-ancestors 'none'", "object-src 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
      assertThat(result.getResponse().getHeader("Strict-Transport-Security"))
          .as("no HSTS over plain HTTP")
          .isNull();
    }
  }

  @Test
  void hstsIsSentOnlyOverHttps() throws Exception {
    mvc.perform(get("/login").secure(true))
        .andExpect(
            header()
                .string(
                    "Strict-Transport-Security",
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("max-age=31536000"),
                        org.hamcrest.Matchers.containsString("includeSubDomains"))));
    mvc.perform(get("/api/v1/session").secure(true))
        .andExpect(header().exists("Strict-Transport-Security"));
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    String upn = TestSessions.freshUpn("cookie");
    TestSessions.createAccount(tenants, directory, upn, TestSessions.DEMO_PASSWORD, false);
    MvcResult result = TestSessions.signIn(mvc, upn, TestSessions.DEMO_PASSWORD);
    String setCookie =
        result.getResponse().getHeaders("Set-Cookie").stream()
            .filter(h -> h.startsWith("REKEY_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/");
  }
}
