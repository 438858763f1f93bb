package dev.rekey.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.crypto.CiphertextRejected;
import dev.rekey.crypto.CryptoProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTest {

  static final String K1 = Base64.getEncoder().encodeToString(bytes(1));
  static final String K2 = Base64.getEncoder().encodeToString(bytes(2));
  static final byte[] SECRET = "+31 6 1234 5678".getBytes(StandardCharsets.UTF_8);

  final SecureRandom random = new SecureRandom();

  static byte[] bytes(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }

  AesGcmSecretCipher cipher(Map<String, String> keys, String active) {
    return new AesGcmSecretCipher(
        MasterKeys.load(new CryptoProperties(null, null, active, keys), random), random);
  }

  AesGcmSecretCipher k1Only() {
    return cipher(Map.of("k1", K1), "k1");
  }

  @Test
  void encryptThenDecryptWithSameContextReturnsThePlaintext() {
    var cipher = k1Only();
    byte[] sealed = cipher.encrypt(SECRET, "account-1/phone");
    assertThat(cipher.decrypt(sealed, "account-1/phone")).isEqualTo(SECRET);
    assertThat(cipher.decrypt(cipher.encrypt(new byte[0], "c"), "c")).isEmpty();
  }

  @Test
  void encryptTwiceGivesDifferentCiphertextsBecauseTheNonceIsRandom() {
    var cipher = k1Only();
    byte[] first = cipher.encrypt(SECRET, "c");
    byte[] second = cipher.encrypt(SECRET, "c");
    assertThat(first).isNotEqualTo(second);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("1234 5678");
  }

  @Test
  void decryptWhenAnyByteIsAlteredThenRejected() {
    var cipher = k1Only();
    byte[] sealed = cipher.encrypt(SECRET, "c");
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      int index = i;
      assertThatThrownBy(() -> cipher.decrypt(tampered, "c"))
          .as("byte %d altered", index)
          .isInstanceOf(CiphertextRejected.class);
    }
  }

  @Test
  void decryptWhenTruncatedOrEmptyThenRejected() {
    var cipher = k1Only();
    byte[] sealed = cipher.encrypt(SECRET, "c");
    byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
    assertThatThrownBy(() -> cipher.decrypt(truncated, "c")).isInstanceOf(CiphertextRejected.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[0], "c"))
        .isInstanceOf(CiphertextRejected.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 2, 'k', '1'}, "c"))
        .isInstanceOf(CiphertextRejected.class);
  }

  @Test
  void decryptWithAnotherContextThenRejected() {
    var cipher = k1Only();
    byte[] sealed = cipher.encrypt(SECRET, "account-1/phone");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "account-2/phone"))
        .isInstanceOf(CiphertextRejected.class);
  }

  @Test
  void decryptWhenKeyIdIsUnknownThenRejected() {
    byte[] sealed = cipher(Map.of("k2", K2), "k2").encrypt(SECRET, "c");
    assertThatThrownBy(() -> k1Only().decrypt(sealed, "c"))
        .isInstanceOf(CiphertextRejected.class)
        .hasMessageContaining("k2");
  }

  @Test
  void decryptWhenSameKeyIdHoldsAnotherKeyThenRejected() {
    byte[] sealed = k1Only().encrypt(SECRET, "c");
    assertThatThrownBy(() -> cipher(Map.of("k1", K2), "k1").decrypt(sealed, "c"))
        .isInstanceOf(CiphertextRejected.class);
  }

  @Test
  void afterRotationOldCiphertextStillDecryptsAndNeedsReEncryption() {
    byte[] old = k1Only().encrypt(SECRET, "c");
    Map<String, String> both = new LinkedHashMap<>();
    both.put("k1", K1);
    both.put("k2", K2);
    var rotated = cipher(both, "k2");

    assertThat(rotated.decrypt(old, "c")).isEqualTo(SECRET);
    assertThat(rotated.needsReEncryption(old)).isTrue();
    byte[] fresh = rotated.encrypt(SECRET, "c");
    assertThat(rotated.needsReEncryption(fresh)).isFalse();
    assertThat(k1Only().needsReEncryption(old)).isFalse();
  }

  /**
   * McGrew-Viega GCM test case 16 (AES-256, 96-bit IV, with AAD), run through javax.crypto exactly
   * as the cipher builds it: documents that the primitive and its parameters are right.
   */
  @Test
  void gcmPrimitiveMatchesPublishedTestVectorForAes256() throws Exception {
    HexFormat hex = HexFormat.of();
    byte[] key = hex.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    byte[] iv = hex.parseHex("cafebabefacedbaddecaf888");
    byte[] plaintext =
        hex.parseHex(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    byte[] aad = hex.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    String expected =
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
            + "76fc6ece0f4e1768cddf8853bb2d551b";

    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    cipher.updateAAD(aad);
    assertThat(hex.formatHex(cipher.doFinal(plaintext))).isEqualTo(expected);
  }
}
