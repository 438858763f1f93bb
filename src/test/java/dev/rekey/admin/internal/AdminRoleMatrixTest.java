package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Role;
import dev.rekey.helpdesk.ContactAdmin;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every admin page and API endpoint, called as each role (SPEC Appendix A: role-checked; helpdesk
 * may not change policy; ASVS 5.0 §8.2.1 function-level access control). One row per endpoint: add
 * a row when adding an endpoint. Its own context (shared with the inbox page test): the admin's
 * calls save the policy and handle requests.
 */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-inbox-test")
class AdminRoleMatrixTest {

  /** What a role gets. */
  enum Expect {
    /** 2xx, or a redirect that is not to the sign-in page (a page form's POST-redirect-GET). */
    ALLOWED,
    /** A page sends an anonymous caller to the sign-in page. */
    SIGN_IN,
    /** 401 problem {@code unauthenticated}. */
    UNAUTHORIZED,
    /** 403. */
    FORBIDDEN,
    /**
     * Past the role check: the endpoint's own answer, such as 404 or 409 when nothing is configured
     * or 422 for a refused body; anything but 401, 403 or the sign-in page.
     */
    ADMITTED
  }

  /**
   * One endpoint. {@code {requestId}} and {@code {accountId}} in the path stand for a fresh
   * helpdesk request and its (locked) account.
   */
  record Endpoint(
      HttpMethod method,
      String path,
      @Nullable String json,
      Expect anonymous,
      Expect user,
      Expect helpdesk,
      Expect admin) {

    static Endpoint page(HttpMethod method, String path, Expect helpdesk) {
      return new Endpoint(
          method, path, null, Expect.SIGN_IN, Expect.FORBIDDEN, helpdesk, Expect.ALLOWED);
    }

    static Endpoint api(HttpMethod method, String path, @Nullable String json, Expect helpdesk) {
      return api(method, path, json, helpdesk, Expect.ALLOWED);
    }

    static Endpoint api(
        HttpMethod method, String path, @Nullable String json, Expect helpdesk, Expect admin) {
      return new Endpoint(
          method, path, json, Expect.UNAUTHORIZED, Expect.FORBIDDEN, helpdesk, admin);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final String PLAIN_USER = "alain@contoso.com";
  static final String HELPDESK = "helpdesk@contoso.com";
  static final String ADMIN = "admin@contoso.com";

  static Stream<Endpoint> endpoints() {
    HttpMethod get = HttpMethod.GET;
    HttpMethod post = HttpMethod.POST;
    HttpMethod put = HttpMethod.PUT;
    Expect ok = Expect.ALLOWED;
    return Stream.of(
        Endpoint.page(get, "/admin", ok),
        Endpoint.page(get, "/admin/policy", ok),
        // Admin-only; the admin's form is refused at a field, so nothing is saved.
        Endpoint.page(post, "/admin/policy", Expect.FORBIDDEN),
        Endpoint.page(get, "/admin/audit", ok),
        Endpoint.page(get, "/admin/audit?method=email&result=Failed", ok),
        Endpoint.page(get, "/admin/helpdesk", ok),
        Endpoint.page(get, "/admin/helpdesk?status=handled", ok),
        Endpoint.page(post, "/admin/helpdesk/{requestId}/unlock", ok),
        Endpoint.page(post, "/admin/helpdesk/{requestId}/handled", ok),
        Endpoint.api(get, "/api/v1/admin/policies/sspr", null, ok),
        Endpoint.api(put, "/api/v1/admin/policies/sspr", "{}", Expect.FORBIDDEN),
        Endpoint.api(get, "/api/v1/admin/audit", null, ok),
        Endpoint.api(get, "/api/v1/admin/audit?format=csv", null, ok),
        Endpoint.api(get, "/api/v1/admin/helpdesk-requests", null, ok),
        Endpoint.api(get, "/api/v1/admin/helpdesk-requests?status=open", null, ok),
        Endpoint.api(post, "/api/v1/admin/helpdesk-requests/{requestId}/handled", null, ok),
        Endpoint.api(post, "/api/v1/admin/users/{accountId}/unlock", null, ok),
        // Users: helpdesk and admin look up, unlock, reset, wipe and sign out; only admins change
        // roles.
        Endpoint.page(get, "/admin/users", ok),
        Endpoint.page(get, "/admin/users?status=locked", ok),
        Endpoint.page(get, "/admin/users/{accountId}", ok),
        Endpoint.api(get, "/api/v1/admin/users", null, ok),
        Endpoint.api(get, "/api/v1/admin/users?registered=false&size=5", null, ok),
        Endpoint.api(get, "/api/v1/admin/users/{accountId}/authentication/methods", null, ok),
        Endpoint.api(
            HttpMethod.DELETE, "/api/v1/admin/users/{accountId}/authentication/methods", null, ok),
        Endpoint.api(HttpMethod.DELETE, "/api/v1/admin/users/{accountId}/sessions", null, ok),
        Endpoint.api(post, "/api/v1/admin/users/{accountId}/password/reset", null, ok),
        Endpoint.api(
            put,
            "/api/v1/admin/users/{accountId}/roles",
            "{\"roles\":[\"user\"]}",
            Expect.FORBIDDEN),
        // Reports: helpdesk and admin.
        Endpoint.page(get, "/admin/reports", ok),
        Endpoint.page(get, "/admin/reports?period=30d", ok),
        Endpoint.api(get, "/api/v1/admin/reports/registration", null, ok),
        Endpoint.api(get, "/api/v1/admin/reports/resets?period=24h", null, ok),
        Endpoint.api(get, "/api/v1/admin/reports/resets?format=csv", null, ok),
        // Users, groups and imports: admin only, pages and API alike.
        Endpoint.page(get, "/admin/users/new", Expect.FORBIDDEN),
        Endpoint.page(get, "/admin/groups", Expect.FORBIDDEN),
        Endpoint.page(get, "/admin/import", Expect.FORBIDDEN),
        Endpoint.api(get, "/api/v1/admin/groups", null, Expect.FORBIDDEN),
        Endpoint.api(post, "/api/v1/admin/groups", "{\"name\":\"Matrix group\"}", Expect.FORBIDDEN),
        Endpoint.api(
            post,
            "/api/v1/admin/users",
            "{\"userId\":\"matrix-new@contoso.com\",\"displayName\":\"Matrix\"}",
            Expect.FORBIDDEN),
        // The directory connection holds the service account's secret: admins only. The demo
        // tenant has none here, so the admin's calls answer "not configured" or refuse the empty
        // form / body at a field, and nothing is stored.
        Endpoint.page(get, "/admin/directory", Expect.FORBIDDEN),
        Endpoint.page(post, "/admin/directory", Expect.FORBIDDEN),
        Endpoint.page(post, "/admin/directory/test", Expect.FORBIDDEN),
        Endpoint.page(post, "/admin/directory/sync", Expect.FORBIDDEN),
        Endpoint.page(get, "/admin/directory/remove", Expect.FORBIDDEN),
        Endpoint.page(post, "/admin/directory/remove", Expect.FORBIDDEN),
        Endpoint.api(get, "/api/v1/admin/directory", null, Expect.FORBIDDEN, Expect.ADMITTED),
        Endpoint.api(put, "/api/v1/admin/directory", "{}", Expect.FORBIDDEN, Expect.ADMITTED),
        Endpoint.api(HttpMethod.DELETE, "/api/v1/admin/directory", null, Expect.FORBIDDEN),
        Endpoint.api(post, "/api/v1/admin/directory/test", null, Expect.FORBIDDEN, Expect.ADMITTED),
        Endpoint.api(
            post, "/api/v1/admin/directory/sync", null, Expect.FORBIDDEN, Expect.ADMITTED));
  }

  static Stream<Arguments> calls() {
    return endpoints()
        .flatMap(
            e ->
                Stream.of(
                    Arguments.of(e, null, e.anonymous()),
                    Arguments.of(e, PLAIN_USER, e.user()),
                    Arguments.of(e, HELPDESK, e.helpdesk()),
                    Arguments.of(e, ADMIN, e.admin())));
  }

  private static final Map<String, Cookie> SESSIONS = new HashMap<>();

  @Autowired MockMvc mvc;
  @Autowired HelpdeskRequests requests;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("calls")
  void roleGetsWhatTheMatrixSays(Endpoint endpoint, @Nullable String role, Expect expected)
      throws Exception {
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn("matrix"),
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    directory.setLocked(account.id(), true);
    var request =
        requests.contact(
            new ContactAdmin(
                account.tenantId(), account.id(), null, "blocked", RequestOrigin.system()));
    String path =
        endpoint
            .path()
            .replace("{requestId}", request.id().toString())
            .replace("{accountId}", account.id().toString());
    MockHttpServletRequestBuilder call = request(endpoint.method(), path).with(csrf());
    if (endpoint.json() != null) {
      call.contentType(MediaType.APPLICATION_JSON).content(endpoint.json());
    }
    if (endpoint.method() == HttpMethod.POST && endpoint.path().equals("/admin/policy")) {
      // Out of range, so an admin's save is refused at the field and the policy stays as it is.
      call.param("reconfirmDays", "999");
    }
    if (role != null) {
      call.cookie(session(role));
    }

    MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();

    int status = response.getStatus();
    String location = response.getRedirectedUrl();
    String answer = status + " " + location + " " + response.getContentAsString();
    switch (expected) {
      case ALLOWED -> {
        assertThat(status).as(answer).isBetween(200, 399);
        assertThat(location == null ? "" : location).as(answer).doesNotEndWith("/login");
      }
      case SIGN_IN -> {
        assertThat(status).as(answer).isEqualTo(302);
        assertThat(location).as(answer).endsWith("/login");
      }
      case UNAUTHORIZED -> {
        assertThat(status).as(answer).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"code\":\"unauthenticated\"");
      }
      case FORBIDDEN -> assertThat(status).as(answer).isEqualTo(403);
      case ADMITTED -> {
        assertThat(status).as(answer).isBetween(200, 499).isNotIn(401, 403);
        assertThat(location == null ? "" : location).as(answer).doesNotEndWith("/login");
      }
    }
    boolean changes = endpoint.method() != HttpMethod.GET;
    if (changes && expected != Expect.ALLOWED) {
      // Refused calls change nothing.
      assertThat(directory.findById(account.id()).orElseThrow().locked()).isTrue();
      assertThat(requests.find(account.tenantId(), request.id()).orElseThrow().handledAt())
          .isNull();
    }
  }

  private Cookie session(String userId) throws Exception {
    Cookie cookie = SESSIONS.get(userId);
    if (cookie == null) {
      cookie = TestSessions.session(mvc, userId, TestSessions.DEMO_PASSWORD);
      SESSIONS.put(userId, cookie);
    }
    return cookie;
  }
}
