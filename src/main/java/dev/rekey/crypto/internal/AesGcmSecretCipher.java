package dev.rekey.crypto.internal;

import dev.rekey.crypto.CiphertextRejected;
import dev.rekey.crypto.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM (NIST SP 800-38D) with a random 96-bit nonce per message and a 128-bit tag.
 *
 * <p>Layout: version (1 byte) | key id length (1) | key id (ASCII) | nonce (12) | ciphertext+tag.
 * The header and the caller's context are authenticated as associated data, so neither can be
 * swapped. Random nonces are safe far beyond our volume (SP 800-38D §8.3: 2^32 messages per key).
 */
final class AesGcmSecretCipher implements SecretCipher {

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final MasterKeys keys;
  private final SecureRandom random;

  AesGcmSecretCipher(MasterKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  @Override
  public byte[] encrypt(byte[] plaintext, String context) {
    byte[] keyId = keys.activeId().getBytes(StandardCharsets.US_ASCII);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    ByteBuffer header = ByteBuffer.allocate(2 + keyId.length);
    header.put(VERSION).put((byte) keyId.length).put(keyId);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          keys.byId().get(keys.activeId()),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header.array());
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(header.capacity() + NONCE_BYTES + sealed.length)
          .put(header.array())
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, String context) {
    if (ciphertext.length < 2 || ciphertext[0] != VERSION) {
      throw new CiphertextRejected("Unknown ciphertext format");
    }
    int idLength = ciphertext[1] & 0xff;
    int headerLength = 2 + idLength;
    if (ciphertext.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
      throw new CiphertextRejected("Ciphertext too short");
    }
    String keyId = new String(ciphertext, 2, idLength, StandardCharsets.US_ASCII);
    SecretKey key = keys.byId().get(keyId);
    if (key == null) {
      throw new CiphertextRejected("Unknown key id " + keyId);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, ciphertext, headerLength, NONCE_BYTES));
      cipher.updateAAD(ciphertext, 0, headerLength);
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      int offset = headerLength + NONCE_BYTES;
      return cipher.doFinal(ciphertext, offset, ciphertext.length - offset);
    } catch (GeneralSecurityException e) {
      throw new CiphertextRejected("Ciphertext rejected", e);
    }
  }

  @Override
  public boolean needsReEncryption(byte[] ciphertext) {
    if (ciphertext.length < 2) {
      return true;
    }
    int idLength = ciphertext[1] & 0xff;
    if (ciphertext.length < 2 + idLength) {
      return true;
    }
    return !keys.activeId().equals(new String(ciphertext, 2, idLength, StandardCharsets.US_ASCII));
  }
}
