package dev.rekey.methods.webauthn;

/** The credential JSON a client sent is not the JSON form of a {@code PublicKeyCredential}. */
public class MalformedCredential extends RuntimeException {

  private final String field;

  public MalformedCredential(String field) {
    super("malformed " + field);
    this.field = field;
  }

  /** The offending member, for example {@code credential.response.clientDataJSON}. */
  public String field() {
    return field;
  }
}
