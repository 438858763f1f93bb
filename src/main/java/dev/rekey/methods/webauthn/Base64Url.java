package dev.rekey.methods.webauthn;

import java.util.Base64;
import java.util.Optional;

/**
 * Base64url without padding, the encoding of every binary member of WebAuthn's JSON forms (WebAuthn
 * Level 3 §5.1, RFC 4648 §5). Decoding is strict: the standard alphabet's {@code +} and {@code /}
 * and stray characters are refused; trailing {@code =} padding is tolerated.
 */
public final class Base64Url {

  private Base64Url() {}

  public static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The bytes, or empty when {@code text} is not base64url. */
  public static Optional<byte[]> decode(String text) {
    try {
      return Optional.of(Base64.getUrlDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
