package dev.rekey.methods.internal;

import static dev.rekey.methods.internal.PhoneApi.body;
import static dev.rekey.methods.internal.PhoneApi.outbox;
import static dev.rekey.methods.internal.PhoneApi.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** SMS-pumping protection (SPEC §5.1): the country allow-list and the hourly budgets. */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-phone-budgets-test",
      "rekey.phone.allowed-countries=31,+32",
      "rekey.phone.user-hourly-budget=2",
      "rekey.phone.tenant-hourly-budget=3"
    })
class PhoneBudgetsApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  Cookie session;

  @BeforeEach
  void freshHourAndUser() throws Exception {
    clock.advance(Duration.ofHours(1));
    session = signIn(user());
  }

  @Test
  void aCountryOutsideTheAllowListIsRefused() throws Exception {
    mvc.perform(start(session, body("+1 425 555 0100", "mobile", "sms")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value("phoneNumber"))
        .andExpect(jsonPath("$.detail").value("We can't send codes to this country."));
    mvc.perform(
            start(session, body("+44 7700 900123", "mobile", "sms"))
                .header("Accept-Language", "nl"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Naar dit land kunnen we geen codes sturen."));
    assertThat(outbox(jdbc, "+14255550100", "sms")).isEmpty();
    mvc.perform(start(session, body("+32 470 12 34 56", "mobile", "sms")))
        .andExpect(status().isCreated());
    assertThat(outbox(jdbc, "+32470123456", "sms")).hasSize(1);
  }

  @Test
  void theThirdCodeWithinAnHourIsRefusedUntilTheNextHour() throws Exception {
    String first = PhoneApi.freshMobile();
    String second = PhoneApi.freshMobile();
    String third = PhoneApi.freshMobile();
    mvc.perform(start(session, body(first, "mobile", "sms"))).andExpect(status().isCreated());
    mvc.perform(start(session, body(second, "mobile", "sms"))).andExpect(status().isCreated());
    mvc.perform(start(session, body(third, "mobile", "sms")).header("Accept-Language", "nl"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("sms_budget_exceeded"))
        .andExpect(jsonPath("$.retryAfter").isNumber())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Er zijn het afgelopen uur te veel codes per sms of telefoon verstuurd."
                        + " Probeer het later opnieuw."));
    assertThat(outbox(jdbc, third, "sms")).isEmpty();
    assertThat(pendingRows()).isEqualTo(2);

    clock.advance(Duration.ofHours(1));
    session = signIn(current);
    mvc.perform(start(session, body(third, "mobile", "sms"))).andExpect(status().isCreated());
    assertThat(outbox(jdbc, third, "sms")).hasSize(1);
  }

  @Test
  void theTenantBudgetCoversAllItsUsers() throws Exception {
    mvc.perform(start(session, body(PhoneApi.freshMobile(), "mobile", "sms")))
        .andExpect(status().isCreated());
    mvc.perform(start(session, body(PhoneApi.freshMobile(), "mobile", "sms")))
        .andExpect(status().isCreated());
    Cookie other = signIn(user());
    mvc.perform(start(other, body(PhoneApi.freshMobile(), "mobile", "sms")))
        .andExpect(status().isCreated());
    String refused = PhoneApi.freshMobile();
    mvc.perform(start(other, body(refused, "mobile", "sms")))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("sms_budget_exceeded"));
    assertThat(outbox(jdbc, refused, "sms")).isEmpty();
  }

  @Test
  void aSpentBudgetOnTheStepUpPageIsExplainedNotAnError() throws Exception {
    String number = PhoneApi.freshMobile();
    String id =
        com.jayway.jsonpath.JsonPath.read(
            mvc.perform(start(session, body(number, "mobile", "sms")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    mvc.perform(PhoneApi.verify(session, id, PhoneApi.lastCode(jdbc, number, "sms")))
        .andExpect(status().isOk());
    mvc.perform(sendOnPage(id))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"verify-sent\"")));
    mvc.perform(sendOnPage(id).header("Accept-Language", "nl"))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("id=\"phone-error\"")))
        .andExpect(content().string(containsString("Er zijn het afgelopen uur te veel codes")));
    assertThat(outbox(jdbc, number, "sms")).hasSize(2);
  }

  @Test
  void aSpentBudgetOnTheAddPhonePageIsShownAsAnAlert() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(addOnPage(PhoneApi.freshMobile())).andExpect(status().isOk());
    }
    String refused = PhoneApi.freshMobile();
    mvc.perform(addOnPage(refused))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("role=\"alert\"")))
        .andExpect(content().string(containsString("Too many codes were sent")));
    assertThat(outbox(jdbc, refused, "sms")).isEmpty();
    mvc.perform(addOnPage("+1 425 555 0100"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"phoneNumber-error\"")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")))
        .andExpect(content().string(containsString("We can&#39;t send codes to this country.")));
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder sendOnPage(
      String methodId) {
    return post("/security-info/verify")
        .with(csrf())
        .cookie(session)
        .param("methodId", methodId)
        .param("action", "send")
        .param("next", "/security-info");
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder addOnPage(
      String number) {
    return post("/security-info/phone/send")
        .with(csrf())
        .cookie(session)
        .param("phoneNumber", number)
        .param("phoneType", "mobile")
        .param("delivery", "sms");
  }

  private Account current;

  private Account user() {
    current = PhoneApi.freshUser(tenants, directory, groups, "budget", Role.USER);
    return current;
  }

  private Cookie signIn(Account account) throws Exception {
    return TestSessions.session(mvc, account.upn(), TestSessions.DEMO_PASSWORD);
  }

  private int pendingRows() {
    return jdbc.sql("SELECT COUNT(*) FROM auth_method WHERE account_id = ? AND status = 'pending'")
        .param(current.id())
        .query(Integer.class)
        .single();
  }
}
