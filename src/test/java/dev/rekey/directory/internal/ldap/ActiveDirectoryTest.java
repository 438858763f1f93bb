package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.directory.DirectoryPasswordRefused;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ActiveDirectoryTest {

  @Test
  void encodePasswordIsTheQuotedPasswordInUtf16LittleEndian() {
    // MS-ADTS 3.1.1.3.1.5.2: "newPassword" with its quotes, two bytes per character, low first.
    assertThat(ActiveDirectory.encodePassword("newPassword"))
        .isEqualTo(
            HexFormat.of().parseHex("22006e0065007700500061007300730077006f007200640022" + "00"));
    assertThat(ActiveDirectory.encodePassword("é€"))
        .isEqualTo(HexFormat.of().parseHex("2200e900ac202200"));
  }

  @Test
  void guidToUuidReversesTheFirstThreeFields() {
    // MS-DTYP 2.3.4: GUID {00112233-4455-6677-8899-aabbccddeeff} is stored as
    // 33 22 11 00 55 44 77 66 88 99 aa bb cc dd ee ff.
    byte[] stored = HexFormat.of().parseHex("33221100554477668899aabbccddeeff");
    assertThat(ActiveDirectory.guidToUuid(stored))
        .isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
    assertThat(ActiveDirectory.uuidToGuidBytes("00112233-4455-6677-8899-AABBCCDDEEFF"))
        .isEqualTo(stored);
  }

  @Test
  void guidRoundTripsWithHighBitsSet() {
    byte[] stored = HexFormat.of().parseHex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0");
    String uuid = ActiveDirectory.guidToUuid(stored);
    assertThat(uuid).isEqualTo("fcfdfeff-fafb-f8f9-f7f6-f5f4f3f2f1f0");
    assertThat(ActiveDirectory.uuidToGuidBytes(uuid)).isEqualTo(stored);
  }

  @Test
  void guidOfTheWrongLengthOrUuidTextIsRejected() {
    assertThatThrownBy(() -> ActiveDirectory.guidToUuid(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActiveDirectory.uuidToGuidBytes("*)(objectClass=*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bindSubCodesMapToOutcomes() {
    String prefix = "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data ";
    assertThat(ActiveDirectory.bindSubCode(prefix + "775, v4563")).contains("775");
    assertThat(ActiveDirectory.bindSubCode(prefix + "52E, v2580")).contains("52e");
    assertThat(ActiveDirectory.bindSubCode("Invalid credentials")).isEmpty();
    assertThat(ActiveDirectory.bindSubCode(null)).isEmpty();
    assertThat(ActiveDirectory.bindOutcome(prefix + "52e, v4563"))
        .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    assertThat(ActiveDirectory.bindOutcome(prefix + "525, v4563"))
        .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    assertThat(ActiveDirectory.bindOutcome(prefix + "775, v4563")).isEqualTo(BindOutcome.LOCKED);
    assertThat(ActiveDirectory.bindOutcome(prefix + "533, v4563")).isEqualTo(BindOutcome.DISABLED);
    assertThat(ActiveDirectory.bindOutcome(prefix + "701, v4563")).isEqualTo(BindOutcome.DISABLED);
    assertThat(ActiveDirectory.bindOutcome(prefix + "532, v4563"))
        .isEqualTo(BindOutcome.PASSWORD_EXPIRED);
    assertThat(ActiveDirectory.bindOutcome(prefix + "773, v4563"))
        .isEqualTo(BindOutcome.MUST_CHANGE);
    assertThat(ActiveDirectory.bindOutcome(null)).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
  }

  @Test
  void errorCodeIsTheLeadingWin32Code() {
    assertThat(ActiveDirectory.errorCode("0000052D: SvcErr: DSID-031A12D2, problem 5003"))
        .contains(ActiveDirectory.PASSWORD_RESTRICTION);
    assertThat(ActiveDirectory.errorCode("0000001f: SvcErr")).contains("0000001F");
    assertThat(ActiveDirectory.errorCode("no code here")).isEmpty();
    assertThat(ActiveDirectory.errorCode(null)).isEmpty();
  }

  @Test
  void refusalReasonsReadWordsElseQuality() {
    assertThat(ActiveDirectory.refusalReasons("0000052D: SvcErr: DSID-031A12D2, problem 5003"))
        .containsExactly(DirectoryPasswordRefused.QUALITY);
    assertThat(
            ActiveDirectory.refusalReasons(
                "0000052D: Constraint violation - check_password_restrictions: the password is too"
                    + " short. It should be equal or longer than 7 characters!"))
        .containsExactly(DirectoryPasswordRefused.TOO_SHORT);
    assertThat(
            ActiveDirectory.refusalReasons(
                "0000052D: check_password_restrictions: the password was already used (in history)!"))
        .containsExactly(DirectoryPasswordRefused.IN_HISTORY);
    assertThat(
            ActiveDirectory.refusalReasons(
                "0000052D: check_password_restrictions: the password does not meet the complexity"
                    + " criteria!"))
        .containsExactly(DirectoryPasswordRefused.QUALITY);
    assertThat(ActiveDirectory.refusalReasons(null))
        .containsExactly(DirectoryPasswordRefused.QUALITY);
  }

  @Test
  void userAccountControlAndLockoutTime() {
    assertThat(ActiveDirectory.isDisabled("514")).isTrue();
    assertThat(ActiveDirectory.isDisabled("512")).isFalse();
    assertThat(ActiveDirectory.isDisabled("66050")).isTrue();
    assertThat(ActiveDirectory.isDisabled(null)).isFalse();
    assertThat(ActiveDirectory.isDisabled("garbage")).isFalse();
    assertThat(ActiveDirectory.isLockedOut("0")).isFalse();
    assertThat(ActiveDirectory.isLockedOut("133475000000000000")).isTrue();
    assertThat(ActiveDirectory.isLockedOut(null)).isFalse();
  }
}
