package dev.rekey.crypto;

/**
 * A ciphertext could not be decrypted: it was altered, bound to another context or its key is gone.
 */
public class CiphertextRejected extends RuntimeException {

  public CiphertextRejected(String message) {
    super(message);
  }

  public CiphertextRejected(String message, Throwable cause) {
    super(message, cause);
  }
}
