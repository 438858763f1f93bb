package dev.rekey.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.rekey.captcha.CaptchaChallenge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Solves CAPTCHA challenges the way a browser does (SPEC Appendix A), for tests of forms and API
 * calls that need a {@code captcha} field: {@code fetchAndSolve(mvc)} gives a payload that {@code
 * Captcha.redeem} accepts once.
 */
public final class CaptchaSolver {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CaptchaSolver() {}

  /** GET /api/v1/captcha without a session, then the payload that solves it. */
  public static String fetchAndSolve(MockMvc mvc) throws Exception {
    String body =
        mvc.perform(get("/api/v1/captcha"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return solve(body);
  }

  /** The payload solving a challenge as {@code GET /api/v1/captcha} answers it (JSON). */
  public static String solve(String challengeJson) {
    JsonNode c = JSON.readTree(challengeJson);
    return solve(
        new CaptchaChallenge(
            c.get("algorithm").stringValue(),
            c.get("challenge").stringValue(),
            c.get("salt").stringValue(),
            c.get("maxnumber").longValue(),
            c.get("signature").stringValue()));
  }

  public static String solve(CaptchaChallenge challenge) {
    return payload(
        challenge.algorithm(),
        challenge.challenge(),
        number(challenge),
        challenge.salt(),
        challenge.signature());
  }

  /** The secret number, found by trying every candidate like a client does. */
  public static long number(CaptchaChallenge challenge) {
    for (long n = 0; n <= challenge.maxnumber(); n++) {
      if (sha256Hex(challenge.salt() + n).equals(challenge.challenge())) {
        return n;
      }
    }
    throw new IllegalArgumentException("No number in [0, maxnumber] solves " + challenge);
  }

  /** A payload with exactly these members, for tests that tamper with one of them. */
  public static String payload(
      String algorithm, String challenge, long number, String salt, String signature) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("algorithm", algorithm);
    json.put("challenge", challenge);
    json.put("number", number);
    json.put("salt", salt);
    json.put("signature", signature);
    return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(json));
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
