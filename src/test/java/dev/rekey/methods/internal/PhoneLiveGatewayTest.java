package dev.rekey.methods.internal;

import static dev.rekey.methods.internal.PhoneApi.body;
import static dev.rekey.methods.internal.PhoneApi.start;
import static dev.rekey.methods.internal.PhoneApi.verify;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Live mode: the code travels through the Twilio-compatible gateway, here a local HTTP server; the
 * test reads the code from the request the gateway received.
 */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-phone-live-test",
      "rekey.delivery.mode=live",
      "rekey.delivery.phone.provider=twilio",
      "rekey.delivery.phone.account-sid=AC0123",
      "rekey.delivery.phone.auth-token=not-a-real-token",
      "rekey.delivery.phone.from-number=+3197010000000",
      "rekey.delivery.phone.max-attempts=1"
    })
class PhoneLiveGatewayTest {

  static final GatewayStandIn gateway = standIn();

  @DynamicPropertySource
  static void gatewayUrl(DynamicPropertyRegistry registry) {
    registry.add("rekey.delivery.phone.base-url", gateway::baseUrl);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

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
    clock.advance(Duration.ofHours(1));
    gateway.answer(201);
    // Helpdesk staff may use every phone option (SPEC §3), calls included.
    account = PhoneApi.freshUser(tenants, directory, groups, "live", Role.HELPDESK);
    session = TestSessions.session(mvc, account.upn(), TestSessions.DEMO_PASSWORD);
  }

  @Test
  void theCodeIsTextedThroughTheGateway() throws Exception {
    String number = PhoneApi.freshMobile();
    int before = gateway.requests().size();
    String id = started(body(number, "mobile", "sms"));

    List<GatewayStandIn.Request> sent = gateway.requests().subList(before, before + 1);
    GatewayStandIn.Request request = sent.get(0);
    assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC0123/Messages.json");
    assertThat(request.form()).containsEntry("To", number).containsEntry("From", "+3197010000000");
    assertThat(request.form().get("Body")).startsWith("Your Rekey verification code is ");
    mvc.perform(verify(session, id, PhoneApi.codeIn(request.form().get("Body"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("phone"));
    assertThat(gateway.requests()).hasSize(before + 1);
  }

  @Test
  void theCodeIsReadOutInDutchByACall() throws Exception {
    String number = PhoneApi.freshMobile();
    int before = gateway.requests().size();
    String id =
        JsonPath.read(
            mvc.perform(
                    start(session, body(number, "mobile", "voice")).header("Accept-Language", "nl"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    GatewayStandIn.Request call = gateway.requests().get(before);
    assertThat(call.path()).isEqualTo("/2010-04-01/Accounts/AC0123/Calls.json");
    assertThat(call.form()).containsEntry("To", number);
    String twiml = call.form().get("Twiml");
    assertThat(twiml).contains("language=\"nl-NL\"", "Uw verificatiecode is ");
    // The gateway reads the code digit by digit: "1, 2, 3, 4, 5, 6, 7, 8".
    String code = twiml.replaceAll(".*verificatiecode is ([0-9, ]+)\\..*", "$1").replace(", ", "");
    assertThat(code).matches("[0-9]{8}");
    mvc.perform(verify(session, id, code)).andExpect(status().isOk());
  }

  @Test
  void aGatewayFailureIsA503AndLeavesNoRegistration() throws Exception {
    gateway.answer(500);
    mvc.perform(start(session, body(PhoneApi.freshMobile(), "mobile", "sms")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("delivery_failed"))
        .andExpect(
            jsonPath("$.detail").value("We couldn't send the code right now. Try again later."));
    mvc.perform(
            start(session, body(PhoneApi.freshMobile(), "mobile", "voice"))
                .header("Accept-Language", "nl"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(
            jsonPath("$.detail")
                .value("We konden de code nu niet versturen. Probeer het later opnieuw."));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM auth_method WHERE account_id = ?")
                .param(account.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aFailedResendRemovesThePendingRegistration() throws Exception {
    String id = started(body(PhoneApi.freshMobile(), "mobile", "sms"));
    gateway.answer(503);
    mvc.perform(PhoneApi.resend(session, id))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("delivery_failed"));
    mvc.perform(verify(session, id, "12345678")).andExpect(status().isNotFound());
  }

  private String started(String json) throws Exception {
    return JsonPath.read(
        mvc.perform(start(session, json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private static GatewayStandIn standIn() {
    try {
      return new GatewayStandIn();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
