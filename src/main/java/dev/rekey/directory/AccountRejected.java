package dev.rekey.directory;

/** A directory change was refused; {@link #code()} is a message key suffix for the reason. */
public class AccountRejected extends RuntimeException {

  private final String code;

  public AccountRejected(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
