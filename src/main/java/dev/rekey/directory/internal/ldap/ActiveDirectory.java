package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.DirectoryPasswordRefused;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Active Directory's encodings and error codes, as documented in MS-ADTS and MS-ERREF. */
public final class ActiveDirectory {

  /** userAccountControl ACCOUNTDISABLE (MS-ADTS 2.2.16). */
  public static final int ACCOUNT_DISABLED = 0x2;

  /** Win32 error in the diagnostic of a refused password: ERROR_PASSWORD_RESTRICTION. */
  public static final String PASSWORD_RESTRICTION = "0000052D";

  /** Win32 ERROR_ACCESS_DENIED: the service account may not reset passwords. */
  public static final String ACCESS_DENIED = "00000005";

  /** Win32 ERROR_INVALID_ACCESS / "not over an encrypted connection" for unicodePwd. */
  public static final String NOT_ENCRYPTED = "0000001F";

  private static final Pattern BIND_SUB_CODE =
      Pattern.compile("\\bdata ([0-9a-f]{1,8})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ERROR_CODE = Pattern.compile("^\\s*([0-9A-Fa-f]{8})\\b");

  private ActiveDirectory() {}

  /**
   * The value of {@code unicodePwd}: the password in double quotes, encoded as UTF-16LE (MS-ADTS
   * 3.1.1.3.1.5.2). AD accepts it only over an encrypted connection.
   */
  public static byte[] encodePassword(String password) {
    return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
  }

  /**
   * The 16 bytes of {@code objectGUID} as a UUID string. Windows stores a GUID with its first three
   * fields little-endian (MS-DTYP 2.3.4.2), so they are reversed to read as RFC 4122 text.
   */
  public static String guidToUuid(byte[] guid) {
    if (guid.length != 16) {
      throw new IllegalArgumentException("objectGUID must have 16 bytes, not " + guid.length);
    }
    ByteBuffer le = ByteBuffer.wrap(guid).order(ByteOrder.LITTLE_ENDIAN);
    long timeLow = le.getInt(0) & 0xFFFFFFFFL;
    long timeMid = le.getShort(4) & 0xFFFFL;
    long timeHigh = le.getShort(6) & 0xFFFFL;
    long high = (timeLow << 32) | (timeMid << 16) | timeHigh;
    long low = ByteBuffer.wrap(guid, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
    return new UUID(high, low).toString();
  }

  /** The inverse of {@link #guidToUuid}: the bytes to search {@code objectGUID} with. */
  public static byte[] uuidToGuidBytes(String uuid) {
    UUID value = UUID.fromString(uuid);
    long high = value.getMostSignificantBits();
    ByteBuffer out = ByteBuffer.allocate(16);
    out.order(ByteOrder.LITTLE_ENDIAN);
    out.putInt((int) (high >>> 32));
    out.putShort((short) (high >>> 16));
    out.putShort((short) high);
    out.order(ByteOrder.BIG_ENDIAN);
    out.putLong(value.getLeastSignificantBits());
    return out.array();
  }

  /**
   * The sub-code AD puts in the diagnostic message of a failed bind ({@code "... data 775,
   * v4563"}), lower case, such as {@code 52e}.
   */
  public static Optional<String> bindSubCode(@Nullable String diagnostic) {
    if (diagnostic == null) {
      return Optional.empty();
    }
    Matcher matcher = BIND_SUB_CODE.matcher(diagnostic);
    return matcher.find()
        ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  /**
   * What a bind refused with result 49 means (MS-ADTS 3.1.1.3.4.1.7 and the Win32 codes): the
   * states other than a wrong password are only revealed by AD when the password was right.
   */
  public static BindOutcome bindOutcome(@Nullable String diagnostic) {
    return switch (bindSubCode(diagnostic).orElse("")) {
      case "775" -> BindOutcome.LOCKED;
      case "533", "701" -> BindOutcome.DISABLED;
      case "532" -> BindOutcome.PASSWORD_EXPIRED;
      case "773" -> BindOutcome.MUST_CHANGE;
      default -> BindOutcome.INVALID_CREDENTIALS; // 52e, 525, 530, 531 and anything unknown
    };
  }

  /** The Win32 error code that starts an AD diagnostic message ({@code 0000052D: ...}). */
  public static Optional<String> errorCode(@Nullable String diagnostic) {
    if (diagnostic == null) {
      return Optional.empty();
    }
    Matcher matcher = ERROR_CODE.matcher(diagnostic);
    return matcher.find()
        ? Optional.of(matcher.group(1).toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  /**
   * Why AD refused a new password. AD itself only says {@code 0000052D} (the password does not meet
   * the length, complexity or history requirements); Samba and some proxies add words, which are
   * used when present.
   */
  public static List<String> refusalReasons(@Nullable String diagnostic) {
    List<String> fromWords = PasswordRefusals.fromText(diagnostic);
    if (!fromWords.isEmpty()) {
      return fromWords;
    }
    return List.of(DirectoryPasswordRefused.QUALITY);
  }

  /** Whether {@code userAccountControl} has the ACCOUNTDISABLE bit. */
  public static boolean isDisabled(@Nullable String userAccountControl) {
    return (parseLong(userAccountControl) & ACCOUNT_DISABLED) != 0;
  }

  /** Whether {@code lockoutTime} says the account is locked out (a time after zero). */
  public static boolean isLockedOut(@Nullable String lockoutTime) {
    return parseLong(lockoutTime) > 0;
  }

  private static long parseLong(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
