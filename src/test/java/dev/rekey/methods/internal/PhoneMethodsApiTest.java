package dev.rekey.methods.internal;

import static dev.rekey.methods.internal.PhoneApi.body;
import static dev.rekey.methods.internal.PhoneApi.lastCode;
import static dev.rekey.methods.internal.PhoneApi.outbox;
import static dev.rekey.methods.internal.PhoneApi.resend;
import static dev.rekey.methods.internal.PhoneApi.start;
import static dev.rekey.methods.internal.PhoneApi.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Registering a phone through the API: codes from the outbox, errors, limits, step-up. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-phone-test")
class PhoneMethodsApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;

  Account account;
  Cookie session;

  @BeforeEach
  void freshUser() throws Exception {
    // A new clock hour: every test starts with full budgets.
    clock.advance(Duration.ofHours(1));
    account = PhoneApi.freshUser(tenants, directory, groups, "phone", Role.USER);
    session = TestSessions.session(mvc, account.upn(), TestSessions.DEMO_PASSWORD);
  }

  @Test
  void registerMobileBySmsWithTheCodeFromTheOutbox() throws Exception {
    String number = PhoneApi.freshMobile();
    String id = started(body(number.substring(0, 3) + " " + number.substring(3), "mobile", "sms"));

    List<String> texts = outbox(jdbc, number, "sms");
    assertThat(texts).hasSize(1);
    assertThat(texts.get(0))
        .matches("Your Rekey verification code is [0-9]{8}\\. It expires in 5 minutes\\.");

    mvc.perform(verify(session, id, lastCode(jdbc, number, "sms")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.type").value("phone"))
        .andExpect(jsonPath("$.phoneType").value("mobile"))
        .andExpect(jsonPath("$.hint").value("+31 6••••••" + number.substring(number.length() - 2)))
        .andExpect(jsonPath("$.isDefault").value(true));
    mvc.perform(get("/api/v1/me/authentication/requirements").cookie(session))
        .andExpect(jsonPath("$.isRegistered").value(true));

    // Encrypted at rest, and never in an audit row.
    byte[] stored =
        jdbc.sql("SELECT secret FROM auth_method WHERE id = ?")
            .param(UUID.fromString(id))
            .query(byte[].class)
            .single();
    String national = number.substring(3);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(national);
    assertThat(
            jdbc.sql("SELECT data FROM auth_method WHERE id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single())
        .isEqualTo("{\"delivery\":\"sms\"}");
    List<String> audit =
        jdbc.sql("SELECT * FROM audit_event WHERE target_account_id = ?")
            .param(account.id())
            .query((rs, n) -> rowText(rs))
            .list();
    assertThat(audit).isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain(national));
  }

  @Test
  void anExtensionIsStrippedAndZeroZeroWorksLikePlus() throws Exception {
    String number = PhoneApi.freshMobile();
    String typed = number.substring(0, 3) + " " + number.substring(3) + " ext. 12";
    String id = started(body(typed, "mobile", "sms"));
    assertThat(outbox(jdbc, number, "sms")).hasSize(1);
    mvc.perform(verify(session, id, lastCode(jdbc, number, "sms"))).andExpect(status().isOk());

    String other = PhoneApi.freshMobile();
    stepUp(id, number);
    started(body("00" + other.substring(1), "alternateMobile", "sms"));
    assertThat(outbox(jdbc, other, "sms")).hasSize(1);
  }

  @Test
  void everyBadNumberIsRefusedWithItsReason() throws Exception {
    String[][] cases = {
      {"", "Enter your phone number, including the country code."},
      {"   ", "Enter your phone number, including the country code."},
      {"call me maybe", "A phone number can only contain digits"},
      {"+31 6 1234abcd", "A phone number can only contain digits"},
      {"+31 6 12", "That number is too short."},
      {"+31 6 1234 5678 9012 3456", "That number is too long."},
      {"06 12345678", "Include the country code: start with + or 00"},
      {"+999 12345678", "We don't recognise that country code."},
      {"+800 12345678", "We don't recognise that country code."},
      {"x".repeat(200), "That number is too long."}
    };
    for (String[] c : cases) {
      mvc.perform(start(session, body(c[0], "mobile", "sms")))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value("phoneNumber"))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(c[1])));
    }
    mvc.perform(start(session, body("+31 6 12", "mobile", "sms")).header("Accept-Language", "nl"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Dat nummer is te kort. Vermeld de landcode,"
                        + " bijvoorbeeld +31 6 12345678."));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM auth_method WHERE account_id = ?")
                .param(account.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void missingAndMalformedFieldsAreNamed() throws Exception {
    String number = PhoneApi.freshMobile();
    expectField("{}", "phoneNumber");
    expectField("{\"phoneType\":\"mobile\",\"delivery\":\"sms\"}", "phoneNumber");
    expectField("{\"phoneNumber\":\"" + number + "\",\"delivery\":\"sms\"}", "phoneType");
    expectField(body(number, "landline", "sms"), "phoneType");
    expectField("{\"phoneNumber\":\"" + number + "\",\"phoneType\":\"mobile\"}", "delivery");
    expectField(body(number, "mobile", "pigeon"), "delivery");
    expectField(
        "{\"phoneNumber\":{\"x\":1},\"phoneType\":\"mobile\",\"delivery\":\"sms\"}", "phoneNumber");
    mvc.perform(start(session, "{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"));
    // An office phone is called, never texted.
    expectField(body(number, "office", "sms"), "delivery");
    mvc.perform(verify(session, "not-a-uuid", "12345678"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("id"));
    mvc.perform(
            post(PhoneApi.BASE + "/" + UUID.randomUUID() + "/verify")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("code"));
    mvc.perform(verify(session, UUID.randomUUID().toString(), "12345678"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("method_not_found"));
    mvc.perform(resend(session, UUID.randomUUID().toString())).andExpect(status().isNotFound());
    assertThat(outbox(jdbc, number, "sms")).isEmpty();
  }

  @Test
  void wrongExpiredResendAndTooManyCodes() throws Exception {
    String number = PhoneApi.freshMobile();
    String id = started(body(number, "mobile", "sms"));
    String first = lastCode(jdbc, number, "sms");
    String wrong = first.equals("00000000") ? "11111111" : "00000000";
    for (int i = 0; i < 2; i++) {
      mvc.perform(verify(session, id, wrong))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("verification_failed"));
    }
    clock.advance(Duration.ofMinutes(6));
    mvc.perform(verify(session, id, first))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("code_expired"));
    // Re-sign-in keeps the first-method window open after moving the clock.
    session = TestSessions.session(mvc, account.upn(), TestSessions.DEMO_PASSWORD);
    mvc.perform(resend(session, id)).andExpect(status().isAccepted());
    String second = lastCode(jdbc, number, "sms");
    assertThat(outbox(jdbc, number, "sms")).hasSize(2);
    mvc.perform(verify(session, id, first)).andExpect(status().isBadRequest());
    mvc.perform(verify(session, id, wrong)).andExpect(status().isBadRequest());
    // The fifth wrong code, counted across the resend, ends the registration.
    mvc.perform(verify(session, id, wrong))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("too_many_attempts"));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM auth_method WHERE id = ?")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single())
        .isZero();
    mvc.perform(verify(session, id, second)).andExpect(status().isNotFound());
  }

  @Test
  void aCodeWorksOnceAndStepUpSendsAFreshOne() throws Exception {
    String number = PhoneApi.freshMobile();
    String id = started(body(number, "mobile", "sms"));
    String code = lastCode(jdbc, number, "sms");
    mvc.perform(verify(session, id, code)).andExpect(status().isOk());
    mvc.perform(verify(session, id, code)).andExpect(status().isForbidden());

    // Now a change needs a step-up; the registration code does not count as one.
    mvc.perform(start(session, body(PhoneApi.freshMobile(), "alternateMobile", "sms")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("mfa_required"));
    mvc.perform(proof(id, code)).andExpect(status().isBadRequest());
    String stepUpCode = challenge(id, number);
    assertThat(stepUpCode).isNotEqualTo(code);
    mvc.perform(proof(id, stepUpCode)).andExpect(status().isOk());
    mvc.perform(proof(id, stepUpCode))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"));
    // Stepped up, the replayed registration code is still refused: nothing is pending any more.
    mvc.perform(verify(session, id, code))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("method_not_found"));
  }

  @Test
  void oneMobileOneAlternateMobileAndOneOfficePhone() throws Exception {
    String mobile = PhoneApi.freshMobile();
    String id = started(body(mobile, "mobile", "sms"));
    mvc.perform(verify(session, id, lastCode(jdbc, mobile, "sms"))).andExpect(status().isOk());
    stepUp(id, mobile);

    // The same number twice is refused.
    mvc.perform(start(session, body(mobile, "alternateMobile", "sms")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("phoneNumber"));
    String alternate = PhoneApi.freshMobile();
    String id2 = started(body(alternate, "alternateMobile", "sms"));
    mvc.perform(verify(session, id2, lastCode(jdbc, alternate, "sms")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phoneType").value("alternateMobile"))
        .andExpect(jsonPath("$.isDefault").value(false));

    String third = PhoneApi.freshMobile();
    mvc.perform(start(session, body(third, "mobile", "sms")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("method_limit_reached"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.startsWith("You already have a mobile phone.")));
    mvc.perform(start(session, body(third, "alternateMobile", "sms")))
        .andExpect(status().isConflict());
    assertThat(outbox(jdbc, third, "sms")).isEmpty();
  }

  @Test
  void thePolicyDecidesAboutCallsAndOfficePhonesButAdministratorsMayUseAll() throws Exception {
    // The demo policy offers text messages only (SPEC §3 defaults).
    String number = PhoneApi.freshMobile();
    mvc.perform(start(session, body(number, "mobile", "voice")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("delivery"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "Your organisation doesn't allow phone calls to mobile phones.")));
    mvc.perform(
            start(session, body("+31 20 1234567", "office", "voice"))
                .header("Accept-Language", "nl"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("phoneType"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "Uw organisatie staat telefoons op kantoor niet toe.")));

    Account helpdesk = PhoneApi.freshUser(tenants, directory, groups, "desk", Role.HELPDESK);
    Cookie desk = TestSessions.session(mvc, helpdesk.upn(), TestSessions.DEMO_PASSWORD);
    String office = "+3120" + number.substring(4, 11);
    String id =
        JsonPath.read(
            mvc.perform(
                    start(desk, body(office, "office", "voice")).header("Accept-Language", "nl"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    List<String> calls = outbox(jdbc, office, "voice");
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)).startsWith("Hallo, u spreekt met Rekey. Uw verificatiecode is ");
    mvc.perform(verify(desk, id, lastCode(jdbc, office, "voice")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phoneType").value("office"));
  }

  @Test
  void theFirstPhoneNeedsARecentSignIn() throws Exception {
    clock.advance(Duration.ofMinutes(11));
    String number = PhoneApi.freshMobile();
    mvc.perform(start(session, body(number, "mobile", "sms")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("reauthentication_required"));
    assertThat(outbox(jdbc, number, "sms")).isEmpty();
  }

  private void expectField(String json, String field) throws Exception {
    mvc.perform(start(session, json))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid_request"))
        .andExpect(jsonPath("$.field").value(field));
  }

  private String started(String json) throws Exception {
    String response =
        mvc.perform(start(session, json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(response, "$.id");
  }

  private String challenge(String methodId, String number) throws Exception {
    int before = outbox(jdbc, number, "sms").size();
    mvc.perform(
            post("/api/v1/session/mfa/challenges")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"methodId\":\"" + methodId + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("phone"));
    assertThat(outbox(jdbc, number, "sms")).hasSize(before + 1);
    return lastCode(jdbc, number, "sms");
  }

  private org.springframework.test.web.servlet.RequestBuilder proof(String methodId, String code) {
    return post("/api/v1/session/mfa")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"methodId\":\"" + methodId + "\",\"code\":\"" + code + "\"}");
  }

  private void stepUp(String methodId, String number) throws Exception {
    mvc.perform(proof(methodId, challenge(methodId, number))).andExpect(status().isOk());
  }

  private static String rowText(java.sql.ResultSet rs) throws java.sql.SQLException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      text.append(rs.getString(i)).append('|');
    }
    return text.toString();
  }
}
