package dev.rekey.captcha.internal;

import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's answer: {@code base64(json{algorithm, challenge, number, salt, signature})} (ALTCHA
 * format). Parsing is total: anything that is not exactly this shape is empty, never an exception.
 */
record CaptchaPayload(
    String algorithm, String challenge, long number, String salt, String signature) {

  /** Far above a real payload (about 350 characters); bounds the work done on hostile input. */
  static final int MAX_LENGTH = 2048;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  static Optional<CaptchaPayload> parse(@Nullable String encoded) {
    if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      String trimmed = encoded.strip();
      // Standard alphabet (ALTCHA's widget) or URL-safe (RFC 4648 §5); padding optional.
      boolean urlSafe = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0;
      byte[] json = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(trimmed);
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      JsonNode number = node.get("number");
      if (number == null || !number.isIntegralNumber() || !number.canConvertToLong()) {
        return Optional.empty();
      }
      String algorithm = string(node, "algorithm");
      String challenge = string(node, "challenge");
      String salt = string(node, "salt");
      String signature = string(node, "signature");
      if (algorithm == null || challenge == null || salt == null || signature == null) {
        return Optional.empty();
      }
      return Optional.of(
          new CaptchaPayload(algorithm, challenge, number.longValue(), salt, signature));
    } catch (IllegalArgumentException | JacksonException e) {
      return Optional.empty();
    }
  }

  private static @Nullable String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
