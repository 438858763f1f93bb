package dev.rekey.methods.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/** Registering an alternate email through the API: codes, limits, privacy and notifications. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-email-test")
class EmailMethodsApiTest {

  static final String API = "/api/v1/me/authentication/emailMethods";
  private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired dev.rekey.methods.SecurityInfo info;

  Account account;
  Cookie session;
  String alternate;

  @BeforeEach
  void freshUserWithAPrimaryEmail() throws Exception {
    String upn = TestSessions.freshUpn("email");
    UUID tenant = tenants.findByDomain("contoso.com").orElseThrow().id();
    account =
        directory.create(
            new NewAccount(
                tenant,
                upn,
                "Test " + upn,
                null,
                null,
                upn,
                Set.of(Role.USER),
                PasswordAuthority.REKEY),
            TestSessions.DEMO_PASSWORD,
            false);
    groups.addAccount(groups.findByName(tenant, "SSPR users").orElseThrow().id(), account.id());
    session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
    alternate = "Alt." + UUID.randomUUID().toString().substring(0, 8) + "@Fabrikam.Example";
  }

  @Test
  void registerWithTheEmailedCodeThenActiveMaskedEncryptedAndNotified() throws Exception {
    String id = start(alternate);
    assertThat(lastMail(alternate).subject()).isEqualTo("Your verification code");

    mvc.perform(verify(id, codeSentTo(alternate)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.type").value("email"))
        .andExpect(jsonPath("$.hint").value("A•••@fabrikam.example"))
        .andExpect(jsonPath("$.isDefault").value(true))
        .andExpect(jsonPath("$.emailAddress").doesNotExist());
    mvc.perform(get("/api/v1/me/authentication/methods").cookie(session))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].hint").value("A•••@fabrikam.example"));

    // Encrypted at rest; the hint holds only the masked form (SPEC §4).
    var row =
        jdbc.sql("SELECT secret, hint FROM auth_method WHERE id = ?")
            .param(UUID.fromString(id))
            .query((rs, n) -> new Object[] {rs.getBytes("secret"), rs.getString("hint")})
            .single();
    String secret = new String((byte[]) row[0], java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(secret.toLowerCase()).doesNotContain("fabrikam").doesNotContain("alt.");
    assertThat(row[1]).isEqualTo("A•••@fabrikam.example");

    // The audit trail names the kind of method only, never the address.
    var audit =
        jdbc.sql("SELECT * FROM audit_event WHERE target_account_id = ? OR actor_id = ?")
            .params(account.id(), account.id())
            .query()
            .listOfRows();
    assertThat(audit).isNotEmpty();
    assertThat(audit.toString().toLowerCase()).doesNotContain("@fabrikam").doesNotContain("alt.");

    // The user is told at the primary address (ASVS 5.0 §6.3.7).
    Mail notice = lastMail(account.email());
    assertThat(notice.subject()).isEqualTo("A verification method was added to your account");
    assertThat(notice.body())
        .contains("Alternate email", account.upn(), "UTC", "Contact your helpdesk");
    assertThat(notice.body().toLowerCase()).doesNotContain("fabrikam");
  }

  @Test
  void addressesInTheTenantsDomainsAreRefused() throws Exception {
    for (String address : new String[] {"x@contoso.com", "x@CONTOSO.com", "x@sub.contoso.com"}) {
      mvc.perform(startRequest(address))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value("emailAddress"))
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      "You can't use an address at your organisation (contoso.com). Enter a"
                          + " personal address."));
    }
    mvc.perform(startRequest("x@Sub.Contoso.com").header("Accept-Language", "nl"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("U kunt geen adres")));
    assertThat(pendingRows()).isZero();
    // A domain that merely ends in the same letters is someone else's.
    start("x@notcontoso.com");
  }

  @Test
  void malformedAddressesAreRefusedWithTheFieldNamed() throws Exception {
    String[] malformed = {
      "plainaddress",
      "@fabrikam.example",
      "megan@",
      "me gan@fabrikam.example",
      "megan@fabrikam",
      "me..gan@fabrikam.example",
      "megan@[192.0.2.1]",
      "megan@fabrikam.example\nBcc: x@e.example"
    };
    for (String address : malformed) {
      mvc.perform(startRequest(address))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value("emailAddress"))
          .andExpect(
              jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Enter an email")));
    }
    mvc.perform(startRequest("a".repeat(250) + "@fabrikam.example"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("254")));
    mvc.perform(
            post(API)
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("emailAddress"))
        .andExpect(jsonPath("$.detail").value("Enter an email address."));
    mvc.perform(
            post(API)
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"emailAddress\":"))
        .andExpect(status().isBadRequest());
    mvc.perform(startRequest("nope").header("Accept-Language", "nl"))
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Vul een e-mailadres")));
    assertThat(pendingRows()).isZero();
  }

  @Test
  void stepUpByEmailThenASecondAddressIsRefusedAndACodeWorksOnce() throws Exception {
    String id = register(alternate);
    mvc.perform(startRequest("other@fabrikam.example"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("mfa_required"));

    mvc.perform(
            post("/api/v1/session/mfa/challenges")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"methodId\":\"" + id + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("email"));
    String code = codeSentTo(alternate);
    mvc.perform(stepUp(id, code))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mfa").value(true));
    // A code is accepted once only.
    mvc.perform(stepUp(id, code))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"));

    mvc.perform(startRequest("other@fabrikam.example"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("method_limit_reached"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1")));
    // The registration code cannot be used again either: the pending method is gone.
    mvc.perform(verify(id, "00000000"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("method_not_found"));
  }

  @Test
  void aWrongCodeIsRefusedAndTheRightOneStillWorks() throws Exception {
    String id = start(alternate);
    String code = codeSentTo(alternate);
    String wrong = code.equals("12345678") ? "87654321" : "12345678";
    mvc.perform(verify(id, wrong))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"));
    mvc.perform(verify(id, "abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("verification_failed"));
    mvc.perform(
            post(API + "/" + id + "/verify")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("code"));
    mvc.perform(verify(id, code)).andExpect(status().isOk());
  }

  @Test
  void fiveWrongCodesCancelTheRegistration() throws Exception {
    String id = start(alternate);
    String code = codeSentTo(alternate);
    String wrong = code.equals("12345678") ? "87654321" : "12345678";
    for (int i = 1; i < 5; i++) {
      mvc.perform(verify(id, wrong)).andExpect(jsonPath("$.code").value("verification_failed"));
    }
    mvc.perform(verify(id, wrong))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("too_many_attempts"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Start again")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM auth_method WHERE id = ?")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single())
        .isZero();
    mvc.perform(verify(id, code)).andExpect(status().isNotFound());
    mvc.perform(post(API + "/" + id + "/resend").with(csrf()).cookie(session))
        .andExpect(status().isNotFound());
  }

  @Test
  void anExpiredCodeCanBeReplacedByANewOne() throws Exception {
    String id = start(alternate);
    String old = codeSentTo(alternate);
    clock.advance(Duration.ofMinutes(6));
    mvc.perform(verify(id, old))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("code_expired"));
    mvc.perform(post(API + "/" + id + "/resend").with(csrf()).cookie(session))
        .andExpect(status().isAccepted());
    String fresh = codeSentTo(alternate);
    if (!fresh.equals(old)) {
      mvc.perform(verify(id, old)).andExpect(jsonPath("$.code").value("verification_failed"));
    }
    mvc.perform(verify(id, fresh)).andExpect(status().isOk());
  }

  @Test
  void aNewCodeKeepsTheFailureCount() throws Exception {
    String id = start(alternate);
    String wrong = codeSentTo(alternate).equals("12345678") ? "87654321" : "12345678";
    for (int i = 1; i < 5; i++) {
      mvc.perform(verify(id, wrong)).andExpect(status().isBadRequest());
    }
    clock.advance(Duration.ofMinutes(6));
    mvc.perform(verify(id, wrong)).andExpect(jsonPath("$.code").value("code_expired"));
    mvc.perform(post(API + "/" + id + "/resend").with(csrf()).cookie(session))
        .andExpect(status().isAccepted());
    String fresh = codeSentTo(alternate);
    mvc.perform(verify(id, fresh.equals("12345678") ? "87654321" : "12345678"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("too_many_attempts"));
    mvc.perform(verify(id, fresh)).andExpect(status().isNotFound());
  }

  @Test
  void deletingTheAddressIsNotifiedInTheUsersLanguage() throws Exception {
    String id = register(alternate);
    mvc.perform(
            post("/api/v1/session/mfa/challenges")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"methodId\":\"" + id + "\"}"))
        .andExpect(status().isOk());
    mvc.perform(stepUp(id, codeSentTo(alternate))).andExpect(status().isOk());
    directory.setPreferredLanguage(account.id(), "nl");
    mvc.perform(delete("/api/v1/me/authentication/methods/" + id).with(csrf()).cookie(session))
        .andExpect(status().isNoContent());
    Mail notice = lastMail(account.email());
    assertThat(notice.subject())
        .isEqualTo("Er is een verificatiemethode van uw account verwijderd");
    assertThat(notice.body()).contains("Alternatief e-mailadres", "UTC", "helpdesk");
  }

  @Test
  void anotherUsersPendingAddressCannotBeVerifiedAndAStaleSignInIsRefused() throws Exception {
    String id = start(alternate);
    Cookie adele = TestSessions.session(mvc, "adele@contoso.com", TestSessions.DEMO_PASSWORD);
    mvc.perform(
            post(API + "/" + id + "/verify")
                .with(csrf())
                .cookie(adele)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + codeSentTo(alternate) + "\"}"))
        .andExpect(status().isNotFound());
    clock.advance(Duration.ofMinutes(11));
    mvc.perform(startRequest("late@fabrikam.example"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("reauthentication_required"));
  }

  @Test
  void meganHasAnAppAndAnAlternateEmailFromTheDemo() {
    Account megan = directory.findByUserId("megan@contoso.com").orElseThrow();
    var methods = info.methods(megan.id());
    assertThat(methods)
        .extracting(m -> m.type())
        .containsExactly(
            dev.rekey.methods.MethodType.SOFTWARE_OATH, dev.rekey.methods.MethodType.EMAIL);
    assertThat(methods.get(0).isDefault()).isTrue();
    assertThat(methods.get(0).hint()).isEqualTo("Authenticator app");
    assertThat(methods.get(1).hint()).isEqualTo("m•••@fabrikam.example");
  }

  // --- helpers

  record Mail(String subject, String body) {}

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder startRequest(
      String address) {
    return post(API)
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"emailAddress\":" + json(address) + "}");
  }

  private String start(String address) throws Exception {
    ResultActions result = mvc.perform(startRequest(address)).andExpect(status().isCreated());
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
  }

  private String register(String address) throws Exception {
    String id = start(address);
    mvc.perform(verify(id, codeSentTo(address))).andExpect(status().isOk());
    return id;
  }

  private RequestBuilder verify(String id, String code) {
    return post(API + "/" + id + "/verify")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"" + code + "\"}");
  }

  private RequestBuilder stepUp(String id, String code) {
    return post("/api/v1/session/mfa")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"methodId\":\"" + id + "\",\"code\":\"" + code + "\"}");
  }

  private Mail lastMail(String to) {
    return jdbc.sql("SELECT subject, body FROM outbox_message WHERE recipient = ? ORDER BY id DESC")
        .param(to.toLowerCase(java.util.Locale.ROOT))
        .query((rs, n) -> new Mail(rs.getString("subject"), rs.getString("body")))
        .list()
        .get(0);
  }

  private String codeSentTo(String address) {
    Matcher m = CODE.matcher(lastMail(address).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private int pendingRows() {
    return jdbc.sql("SELECT COUNT(*) FROM auth_method WHERE account_id = ?")
        .param(account.id())
        .query(Integer.class)
        .single();
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
