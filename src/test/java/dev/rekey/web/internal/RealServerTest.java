package dev.rekey.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.support.RequiredServices;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestSessions;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Errors through a real servlet container, where {@code sendError} is dispatched to {@code /error}
 * (MockMvc does not do that): API paths answer problems, pages a localised page, never a 500.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "rekey.data-dir=target/test-data",
      "rekey.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      "rekey.throttle.signin.base-delay=0ms",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=1"
    })
@Import(TestClock.Configuration.class)
@Tag("database")
@ExtendWith(RequiredServices.Database.class)
class RealServerTest {

  @LocalServerPort int port;

  HttpClient client;
  CookieManager cookies;

  @BeforeEach
  void client() {
    cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String xsrf() throws Exception {
    send(request("/api/v1/session"));
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  void signIn(String user) throws Exception {
    var response =
        send(
            request("/api/v1/session")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        TestSessions.body(user + "@contoso.com", TestSessions.DEMO_PASSWORD))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static void problem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"code\":\"" + code + "\"")
        .doesNotContain("Exception", "at dev.rekey", "trace");
  }

  @Test
  void unknownApiPathIsANotFoundProblem() throws Exception {
    signIn("diego");
    problem(send(request("/api/v1/no-such-thing")), 404, "not_found");
  }

  @Test
  void wrongMethodIsAMethodNotAllowedProblem() throws Exception {
    signIn("diego");
    String token = xsrf();
    problem(
        send(
            request("/api/v1/me/password")
                .header("X-XSRF-TOKEN", token)
                .method("PATCH", HttpRequest.BodyPublishers.noBody())),
        405,
        "method_not_allowed");
  }

  @Test
  void unknownPageIsALocalisedNotFoundPage() throws Exception {
    signIn("diego");
    var english = send(request("/no-such-page"));
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.body())
        .contains("We couldn&#39;t find this page.")
        .doesNotContain("at dev.");

    var dutch = send(request("/no-such-page").header("Accept-Language", "nl"));
    assertThat(dutch.statusCode()).isEqualTo(404);
    assertThat(dutch.body()).contains("We kunnen deze pagina niet vinden.");
  }

  @Test
  void plainUserGetsALocalisedForbiddenPageAndAForbiddenProblem() throws Exception {
    signIn("alain");
    var page = send(request("/admin").header("Accept-Language", "nl"));
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("U hebt geen toestemming");
    problem(send(request("/api/v1/admin/anything")), 403, "forbidden");
  }

  @Test
  void chunkedBodyOverTheLimitIsTooLarge() throws Exception {
    String token = xsrf();
    byte[] big = ("{\"userId\":\"" + "a".repeat(70 * 1024) + "\",\"password\":\"x\"}").getBytes();
    var response =
        send(
            request("/api/v1/session")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    problem(response, 413, "payload_too_large");
  }

  @Test
  void malformedAcceptLanguageIsEnglishNotAnError() throws Exception {
    var response = send(request("/login").header("Accept-Language", "nl;q=abc,;;"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Sign in");
  }

  @Test
  void anonymousApiCallIsAnUnauthenticatedProblem() throws Exception {
    problem(send(request("/api/v1/admin/anything")), 401, "unauthenticated");
  }
}
