package dev.rekey.crypto;

/**
 * Encrypts small secrets (phone numbers, email addresses, TOTP secrets) for storage.
 *
 * <p>The ciphertext names the key that made it, so old rows stay readable after the operator adds a
 * new active key (rotation) and can be re-encrypted lazily.
 */
public interface SecretCipher {

  /**
   * Encrypts {@code plaintext}, binding it to {@code context} (for example the account id and the
   * column), so a ciphertext copied to another row does not decrypt.
   */
  byte[] encrypt(byte[] plaintext, String context);

  /**
   * Decrypts what {@link #encrypt} produced with the same context.
   *
   * @throws CiphertextRejected when the data was altered, the context differs or the key is unknown
   */
  byte[] decrypt(byte[] ciphertext, String context);

  /** Whether a ciphertext was made with a key other than the active one. */
  boolean needsReEncryption(byte[] ciphertext);
}
