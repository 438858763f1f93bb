package dev.rekey.methods.webauthn;

/** A WebAuthn ceremony did not verify; {@link #reason()} says which check failed. */
public class VerificationFailed extends Exception {

  /** Which check failed; {@code messageKey()} explains it to the user. */
  public enum Reason {
    CHALLENGE,
    ORIGIN,
    RP_ID,
    USER_NOT_PRESENT,
    ALGORITHM,
    SIGNATURE,
    COUNTER,
    UNKNOWN_CREDENTIAL,
    MALFORMED,
    OTHER;

    public String messageKey() {
      return "methods.webauthn.failed." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Reason reason;

  public VerificationFailed(Reason reason, Throwable cause) {
    super(reason.name(), cause);
    this.reason = reason;
  }

  public VerificationFailed(Reason reason) {
    super(reason.name());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
