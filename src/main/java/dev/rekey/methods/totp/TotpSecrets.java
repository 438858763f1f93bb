package dev.rekey.methods.totp;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/**
 * Makes authenticator-app secrets and converts them to and from the Base32 text a user can type
 * ("can't scan" in SPEC §4).
 */
@Component
public class TotpSecrets {

  /**
   * 160 bits: RFC 4226 §4 (R6) requires at least 128 bits and recommends 160, the HMAC-SHA-1 output
   * length.
   */
  public static final int SECRET_BYTES = 20;

  private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]+=*");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u202F-]+");

  private final SecureRandom random;

  public TotpSecrets(SecureRandom random) {
    this.random = random;
  }

  /** A fresh secret from the CSPRNG. */
  public byte[] generate() {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return secret;
  }

  /** Base32 (RFC 4648 §6), upper case, without padding: the form the otpauth URI carries. */
  public static String encode(byte[] secret) {
    return new Base32().encodeAsString(secret).replace("=", "");
  }

  /** The Base32 text in blocks of four for people to read and type: {@code ABCD EFGH ...}. */
  public static String display(byte[] secret) {
    String plain = encode(secret);
    StringBuilder grouped = new StringBuilder(plain.length() + plain.length() / 4);
    for (int i = 0; i < plain.length(); i += 4) {
      if (i > 0) {
        grouped.append(' ');
      }
      grouped.append(plain, i, Math.min(i + 4, plain.length()));
    }
    return grouped.toString();
  }

  /**
   * Reads Base32 text back, ignoring spaces, hyphens, case and optional padding.
   *
   * @throws IllegalArgumentException when the text is not valid Base32 or holds no bytes
   */
  public static byte[] decode(String text) {
    String plain = WHITESPACE.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    if (plain.length() > 256 || !BASE32.matcher(plain).matches()) {
      throw new IllegalArgumentException("not Base32");
    }
    String unpadded = plain.replace("=", "");
    // Unpadded Base32 never leaves 1, 3 or 6 characters in the last block of eight (RFC 4648 §6).
    int rest = unpadded.length() % 8;
    if (rest == 1 || rest == 3 || rest == 6) {
      throw new IllegalArgumentException("not Base32");
    }
    byte[] secret = new Base32().decode(unpadded);
    if (secret.length == 0 || !encode(secret).equals(unpadded)) {
      // The round trip rejects non-zero unused trailing bits, so each secret has one spelling.
      throw new IllegalArgumentException("not Base32");
    }
    return secret;
  }
}
