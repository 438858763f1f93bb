package dev.rekey.reset;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.support.CaptchaSolver;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Users with registered security info and reset flows for the reset tests, made through the real
 * API (sign in, register an app, step up, register an email) so the fixtures prove possession the
 * way a user does.
 */
public final class ResetFixture {

  private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");

  /** A user with an authenticator app (and maybe more). */
  public record User(Account account, String upn, String appId, String secret) {}

  private final MockMvc mvc;
  private final TestClock clock;
  private final Tenants tenants;
  private final AccountDirectory directory;
  private final Groups groups;
  private final JdbcClient jdbc;

  public ResetFixture(
      MockMvc mvc,
      TestClock clock,
      Tenants tenants,
      AccountDirectory directory,
      Groups groups,
      JdbcClient jdbc) {
    this.mvc = mvc;
    this.clock = clock;
    this.tenants = tenants;
    this.directory = directory;
    this.groups = groups;
    this.jdbc = jdbc;
  }

  /** A new account in "SSPR users" with an authenticator app. */
  public User userWithApp(String prefix, Role... roles) throws Exception {
    String upn = TestSessions.freshUpn(prefix);
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            upn,
            TestSessions.DEMO_PASSWORD,
            false,
            roles.length == 0 ? new Role[] {Role.USER} : roles);
    UUID group = groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id();
    groups.addAccount(group, account.id());
    Cookie session = TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
    MvcResult started =
        mvc.perform(
                post("/api/v1/me/authentication/softwareOathMethods").with(csrf()).cookie(session))
            .andReturn();
    String body = started.getResponse().getContentAsString();
    String id = JsonPath.read(body, "$.id");
    String secret = JsonPath.read(body, "$.secret");
    mvc.perform(
            json(post("/api/v1/me/authentication/softwareOathMethods/" + id + "/verify"), session)
                .content("{\"code\":\"" + appCode(secret) + "\"}"))
        .andReturn();
    return new User(account, upn, id, secret);
  }

  /** A session of the user that has stepped up with the app, ready to change security info. */
  public Cookie steppedUp(User user) throws Exception {
    Cookie session = TestSessions.session(mvc, user.upn(), TestSessions.DEMO_PASSWORD);
    nextStep();
    mvc.perform(
            json(post("/api/v1/session/mfa"), session)
                .content(
                    "{\"methodId\":\""
                        + user.appId()
                        + "\",\"code\":\""
                        + appCode(user.secret())
                        + "\"}"))
        .andReturn();
    return session;
  }

  /** Adds a mobile phone (text messages) proven with the code sent to it. */
  public String addPhone(User user, String e164) throws Exception {
    Cookie session = steppedUp(user);
    MvcResult started =
        mvc.perform(
                json(post("/api/v1/me/authentication/phoneMethods"), session)
                    .content(
                        "{\"phoneNumber\":\""
                            + e164
                            + "\",\"phoneType\":\"mobile\",\"delivery\":\"sms\"}"))
            .andReturn();
    String id = JsonPath.read(started.getResponse().getContentAsString(), "$.id");
    mvc.perform(
            json(post("/api/v1/me/authentication/phoneMethods/" + id + "/verify"), session)
                .content("{\"code\":\"" + lastCodeTo(e164) + "\"}"))
        .andReturn();
    return id;
  }

  /** Sets the user's security questions ({@code questionId, answer} pairs). */
  public String addQuestions(User user, String... pairs) throws Exception {
    Cookie session = steppedUp(user);
    StringBuilder body = new StringBuilder("{\"answers\":[");
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : ",")
          .append("{\"questionId\":\"")
          .append(pairs[i])
          .append("\",\"answer\":\"")
          .append(pairs[i + 1])
          .append("\"}");
    }
    MvcResult result =
        mvc.perform(
                json(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                            "/api/v1/me/authentication/securityQuestions"),
                        session)
                    .content(body.append("]}").toString()))
            .andReturn();
    if (result.getResponse().getStatus() != 200) {
      throw new AssertionError("questions not set: " + result.getResponse().getContentAsString());
    }
    return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
  }

  /**
   * Adds an alternate email to a user with an app: step up with the app, then prove the address.
   */
  public String addEmail(User user, String address) throws Exception {
    Cookie session = steppedUp(user);
    MvcResult started =
        mvc.perform(
                json(post("/api/v1/me/authentication/emailMethods"), session)
                    .content("{\"emailAddress\":\"" + address + "\"}"))
            .andReturn();
    String id = JsonPath.read(started.getResponse().getContentAsString(), "$.id");
    mvc.perform(
            json(post("/api/v1/me/authentication/emailMethods/" + id + "/verify"), session)
                .content("{\"code\":\"" + lastCodeTo(address) + "\"}"))
        .andReturn();
    return id;
  }

  /**
   * Registers a security key made by {@code key} (WebAuthn registration with the test
   * authenticator).
   */
  public String addSecurityKey(User user, dev.rekey.methods.webauthn.TestAuthenticator key)
      throws Exception {
    Cookie session = steppedUp(user);
    String options =
        mvc.perform(
                post("/api/v1/me/authentication/fido2Methods/options").with(csrf()).cookie(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    MvcResult registered =
        mvc.perform(
                json(post("/api/v1/me/authentication/fido2Methods"), session)
                    .content(
                        "{\"displayName\":\"YubiKey\",\"credential\":"
                            + key.register(options, "http://localhost:8080")
                            + "}"))
            .andReturn();
    if (registered.getResponse().getStatus() != 201) {
      throw new AssertionError(
          "key not registered: " + registered.getResponse().getContentAsString());
    }
    return JsonPath.read(registered.getResponse().getContentAsString(), "$.id");
  }

  /** Proves the user's app in a flow with a fresh code. */
  public RequestBuilder verifyApp(String flowId, User user) {
    return call(
        flowId + "/verifications",
        "{\"methodId\":\"" + user.appId() + "\",\"code\":\"" + freshAppCode(user) + "\"}");
  }

  /** The current app code; moves the clock on a step first, as an app code is accepted once. */
  public String freshAppCode(User user) {
    nextStep();
    return appCode(user.secret());
  }

  public String appCode(String secret) {
    return TotpVerifier.codeAt(TotpSecrets.decode(secret), TotpVerifier.stepAt(clock.instant()));
  }

  public void nextStep() {
    clock.advance(Duration.ofSeconds(30));
  }

  /** The last 8-digit code sent to an address or number through the outbox. */
  public String lastCodeTo(String recipient) {
    String body =
        jdbc.sql("SELECT body FROM outbox_message WHERE recipient = ? ORDER BY id DESC")
            .param(recipient.toLowerCase(Locale.ROOT))
            .query(String.class)
            .list()
            .get(0);
    Matcher m = CODE.matcher(body);
    if (!m.find()) {
      throw new AssertionError("no code in " + body);
    }
    return m.group(1);
  }

  /** {@code POST /api/v1/reset/flows} with a freshly solved CAPTCHA, from {@code ip}. */
  public MvcResult start(String userId, String ip) throws Exception {
    String captcha = CaptchaSolver.fetchAndSolve(mvc);
    return mvc.perform(
            post("/api/v1/reset/flows")
                .with(csrf())
                .with(
                    r -> {
                      r.setRemoteAddr(ip);
                      return r;
                    })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"" + userId + "\",\"captcha\":\"" + captcha + "\"}"))
        .andReturn();
  }

  /** Starts a flow and answers its id, failing when it does not start. */
  public String flow(String userId) throws Exception {
    MvcResult result = start(userId, "203.0.113." + (1 + (int) (Math.random() * 200)));
    if (result.getResponse().getStatus() != 201) {
      throw new AssertionError(
          "flow for " + userId + " did not start: " + result.getResponse().getContentAsString());
    }
    return JsonPath.read(result.getResponse().getContentAsString(), "$.flowId");
  }

  public RequestBuilder call(String path, String jsonBody) {
    return post("/api/v1/reset/flows/" + path)
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .content(jsonBody);
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      Cookie session) {
    return request.with(csrf()).cookie(session).contentType(MediaType.APPLICATION_JSON);
  }
}
