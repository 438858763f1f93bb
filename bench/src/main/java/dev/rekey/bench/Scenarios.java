package dev.rekey.bench;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The scenarios of issue 7 as closed-loop clients. */
final class Scenarios {

  static final List<String> ALL =
      List.of("signin", "security-info", "flow-start", "totp-verify", "reset");

  /** Scenarios bound by the password hash (compared with the hash limit). */
  static boolean hashing(String scenario) {
    return scenario.equals("signin") || scenario.equals("reset");
  }

  private final int port;
  private final String domain;
  private final int accounts;
  private final AtomicInteger signinCursor = new AtomicInteger();
  private final AtomicInteger startCursor = new AtomicInteger();
  private final TotpPool pool;
  private final SecureRandom random = new SecureRandom();
  private final List<String> fixedSignins;

  /**
   * @param fixedSignins sign-in accounts "upn:password" to use instead of seeded ones (demo mode,
   *     when no seeder is available), or empty
   */
  Scenarios(int port, String domain, int accounts, List<String> fixedSignins) {
    this.port = port;
    this.domain = domain;
    this.accounts = accounts;
    this.pool = new TotpPool(accounts);
    this.fixedSignins = fixedSignins;
  }

  LoadRun.ClientFactory factory(String scenario) {
    return switch (scenario) {
      case "signin" -> i -> new SignIn();
      case "security-info" -> i -> new SecurityInfo();
      case "flow-start" -> i -> new FlowStart();
      case "totp-verify" -> i -> new TotpVerify(false);
      case "reset" -> i -> new TotpVerify(true);
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    };
  }

  /** The next sign-in account "upn password": seeded accounts without an app (i % 10 == 9). */
  private String[] nextSignin() {
    int k = signinCursor.getAndIncrement() & Integer.MAX_VALUE;
    if (!fixedSignins.isEmpty()) {
      String[] parts = fixedSignins.get(k % fixedSignins.size()).split(":", 2);
      return parts;
    }
    int groups = accounts / 10;
    return new String[] {Seeded.upn((k % groups) * 10 + 9, domain), Seeded.PASSWORD};
  }

  private Http connect() {
    return new Http("127.0.0.1", port);
  }

  static Http.Response signIn(LoadRun.Steps steps, Http http, String upn, String password)
      throws Exception {
    http.clearCookies();
    steps.call("GET /api/v1/session", 200, () -> http.get("/api/v1/session"));
    String token = http.cookie("XSRF-TOKEN");
    if (token == null) {
      throw new LoadRun.Unexpected("GET /api/v1/session set no XSRF-TOKEN cookie");
    }
    String body = "{\"userId\":" + Json.quote(upn) + ",\"password\":" + Json.quote(password) + "}";
    Http.Response r =
        steps.call(
            "POST /api/v1/session", 200, () -> http.postJson("/api/v1/session", body, token));
    if (!r.text().contains("\"authenticated\":true")) {
      throw new LoadRun.Unexpected("POST /api/v1/session did not sign in: " + r.text());
    }
    return r;
  }

  /** GET /api/v1/session then POST /api/v1/session: one complete password sign-in. */
  final class SignIn implements LoadRun.Client {
    private final Http http = connect();

    @Override
    public void op(LoadRun.Steps steps) throws Exception {
      String[] account = nextSignin();
      signIn(steps, http, account[0], account[1]);
    }

    @Override
    public void close() {
      http.close();
    }
  }

  /** GET /security-info as a signed-in user (each client signs in once, before the load). */
  final class SecurityInfo implements LoadRun.Client {
    private final Http http = connect();

    SecurityInfo() throws Exception {
      String[] account = nextSignin();
      signIn(new LoadRun.Steps(), http, account[0], account[1]);
    }

    @Override
    public void op(LoadRun.Steps steps) throws Exception {
      Http.Response r = steps.call("GET /security-info", 200, () -> http.get("/security-info"));
      if (!r.text().contains("</html>")) {
        throw new LoadRun.Unexpected("GET /security-info rendered no page");
      }
    }

    @Override
    public void close() {
      http.close();
    }
  }

  /** A client of the reset API: its connection and XSRF cookie, fetched once like a browser. */
  abstract class ResetClient implements LoadRun.Client {
    final Http http = connect();
    final String token;

    ResetClient() throws Exception {
      LoadRun.Steps setup = new LoadRun.Steps();
      setup.call("GET /api/v1/session", 200, () -> http.get("/api/v1/session"));
      token = http.cookie("XSRF-TOKEN");
      if (token == null) {
        throw new LoadRun.Unexpected("GET /api/v1/session set no XSRF-TOKEN cookie");
      }
    }

    /** GET /api/v1/captcha, solve it, POST /api/v1/reset/flows: the flow document. */
    String start(LoadRun.Steps steps, String upn) throws Exception {
      Http.Response c = steps.call("GET /api/v1/captcha", 200, () -> http.get("/api/v1/captcha"));
      String captcha = Captchas.solve(c.text());
      String body = "{\"userId\":" + Json.quote(upn) + ",\"captcha\":" + Json.quote(captcha) + "}";
      return steps
          .call(
              "POST /api/v1/reset/flows",
              201,
              () -> http.postJson("/api/v1/reset/flows", body, token))
          .text();
    }

    @Override
    public void close() {
      http.close();
    }
  }

  /** Reset flow start (CAPTCHA fetched and solved first) for accounts with an app. */
  final class FlowStart extends ResetClient {
    FlowStart() throws Exception {}

    @Override
    public void op(LoadRun.Steps steps) throws Exception {
      int i;
      do {
        i = (startCursor.getAndIncrement() & Integer.MAX_VALUE) % accounts;
      } while (!Seeded.resettable(i));
      String flow = start(steps, Seeded.upn(i, domain));
      if (Json.string(flow, "flowId") == null) {
        throw new LoadRun.Unexpected("no flowId in " + flow);
      }
    }
  }

  /**
   * Flow start then app-code verification; with {@code complete} also the new password: the
   * complete API reset. Accounts come from a pool that respects Rekey's limits (one code per time
   * step, at most 5 validations per account and hour).
   */
  final class TotpVerify extends ResetClient {
    private final boolean complete;

    TotpVerify(boolean complete) throws Exception {
      this.complete = complete;
    }

    @Override
    public void op(LoadRun.Steps steps) throws Exception {
      TotpPool.Lease lease = pool.acquire();
      boolean verified = false;
      boolean reset = false;
      try {
        String upn = Seeded.upn(lease.index(), domain);
        String flow = start(steps, upn);
        String flowId = Json.string(flow, "flowId");
        String methodId = Json.methodId(flow, "softwareOath");
        if (flowId == null || methodId == null) {
          throw new LoadRun.Unexpected("no flowId or softwareOath method in " + flow);
        }
        String code = Seeded.code(Seeded.totpSecret(upn), lease.step());
        String verify = "{\"methodId\":\"" + methodId + "\",\"code\":\"" + code + "\"}";
        Http.Response v =
            steps.call(
                "POST /api/v1/reset/flows/{id}/verifications",
                200,
                () ->
                    http.postJson(
                        "/api/v1/reset/flows/" + flowId + "/verifications", verify, token));
        verified = true;
        if (!v.text().contains("\"remainingMethods\":0")) {
          throw new LoadRun.Unexpected("verification left methods to prove: " + v.text());
        }
        if (complete) {
          String password = "{\"newPassword\":" + Json.quote(newPassword()) + "}";
          steps.call(
              "POST /api/v1/reset/flows/{id}/password",
              204,
              () -> http.postJson("/api/v1/reset/flows/" + flowId + "/password", password, token));
          reset = true;
        }
      } finally {
        pool.release(lease, verified, reset);
      }
    }
  }

  /** A fresh passphrase that passes the password policy (no banned terms, strong). */
  private String newPassword() {
    String[] words = {
      "Tulip", "harbour", "quietly", "copper", "meadow", "lantern", "orbit", "velvet"
    };
    return words[random.nextInt(words.length)]
        + "-"
        + words[random.nextInt(words.length)]
        + "-"
        + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
        + "-"
        + (10 + random.nextInt(90));
  }
}
