package dev.rekey.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The generator's own parts: wrong codes, wrong parsing or wrong percentiles would skew a run. */
class BenchPartsTest {

  @Test
  void totpCodesMatchRfc6238Vectors() {
    // RFC 6238 Appendix B, SHA-1 seed "12345678901234567890": 94287082 at T=59 s, 07081804 at
    // T=1111111109 s; the 6-digit codes are the last six digits.
    byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    assertEquals("287082", Seeded.code(seed, Seeded.step(59_000)));
    assertEquals("081804", Seeded.code(seed, Seeded.step(1_111_111_109_000L)));
  }

  @Test
  void seededSecretIsTheContractsHmacOfTheLowerCaseUpn() throws Exception {
    byte[] secret = Seeded.totpSecret("User0000042@Bench.Example");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "rekey-seed-totp".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] full = mac.doFinal("user0000042@bench.example".getBytes(StandardCharsets.UTF_8));
    assertEquals(20, secret.length);
    assertArrayEquals(java.util.Arrays.copyOf(full, 20), secret);
    assertEquals("user0000042@bench.example", Seeded.upn(42, "bench.example"));
  }

  @Test
  void resettableAccountsLeaveOutLockedBlockedAndAdmins() {
    assertTrue(Seeded.resettable(1));
    assertFalse(Seeded.resettable(9), "no app");
    assertFalse(Seeded.resettable(142), "locked");
    assertFalse(Seeded.resettable(277), "blocked");
    assertFalse(Seeded.resettable(50_000), "helpdesk needs two methods");
  }

  @Test
  void captchaSolutionCarriesTheNumberWhoseHashIsTheChallenge() throws Exception {
    String salt = "abc?expires=1";
    String challenge =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest((salt + 737).getBytes(StandardCharsets.UTF_8)));
    String json =
        "{\"algorithm\":\"SHA-256\",\"challenge\":\""
            + challenge
            + "\",\"salt\":\""
            + salt
            + "\",\"maxnumber\":1000,\"signature\":\"s1\"}";
    String payload =
        new String(Base64.getDecoder().decode(Captchas.solve(json)), StandardCharsets.UTF_8);
    assertEquals(737L, Json.number(payload, "number"));
    assertEquals(salt, Json.string(payload, "salt"));
    String unsolvable = json.replace("\"maxnumber\":1000", "\"maxnumber\":700");
    assertThrows(IllegalStateException.class, () -> Captchas.solve(unsolvable));
  }

  @Test
  void methodIdIsTheAppsNotTheFirstMethod() {
    String flow =
        "{\"flowId\":\"f\",\"methods\":[{\"id\":\"11111111-1111-1111-1111-111111111111\",\"type\":\"phone\"},"
            + "{\"id\":\"22222222-2222-2222-2222-222222222222\",\"type\":\"softwareOath\"}]}";
    assertEquals("22222222-2222-2222-2222-222222222222", Json.methodId(flow, "softwareOath"));
  }

  @Test
  void percentilesAreNearestRank() {
    LoadRun.Samples s = new LoadRun.Samples();
    for (int i = 1; i <= 100; i++) {
      s.add(i * 1_000_000L);
    }
    assertEquals(50.0, s.percentileMs(50));
    assertEquals(99.0, s.percentileMs(99));
    assertEquals(100.0, s.maxMs());
  }

  @Test
  void totpPoolNeverHandsOutAStepTwiceNorAnAccountTwiceAtOnce() throws Exception {
    TotpPool pool = new TotpPool(3); // accounts 1 and 2 (0 is an admin of the contract)
    TotpPool.Lease a = pool.acquire();
    TotpPool.Lease b = pool.acquire();
    assertNotEquals(a.index(), b.index());
    assertThrows(LoadRun.Unexpected.class, pool::acquire, "both busy");
    pool.release(a, true, false);
    TotpPool.Lease again = pool.acquire();
    assertEquals(a.index(), again.index());
    assertTrue(again.step() > a.step(), "a later step than the one accepted");
  }

  @Test
  void httpClientReadsChunkedAndFixedBodiesAndKeepsCookies() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/chunked",
        ex -> {
          ex.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=t1; Path=/");
          ex.sendResponseHeaders(200, 0); // 0 = chunked
          try (OutputStream out = ex.getResponseBody()) {
            out.write("hello ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write("world".getBytes(StandardCharsets.UTF_8));
          }
        });
    server.createContext(
        "/echo",
        ex -> {
          String cookie = String.valueOf(ex.getRequestHeaders().getFirst("Cookie"));
          String token = String.valueOf(ex.getRequestHeaders().getFirst("X-XSRF-TOKEN"));
          byte[] body =
              (cookie
                      + "|"
                      + token
                      + "|"
                      + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(201, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try (Http http = new Http("127.0.0.1", server.getAddress().getPort())) {
      Http.Response r = http.get("/chunked");
      assertEquals(200, r.status());
      assertEquals("hello world", r.text());
      assertEquals("t1", http.cookie("XSRF-TOKEN"));
      Http.Response e = http.postJson("/echo", "{\"a\":1}", "t1");
      assertEquals(201, e.status());
      assertEquals("XSRF-TOKEN=t1|t1|{\"a\":1}", e.text());
    } finally {
      server.stop(0);
    }
  }
}
