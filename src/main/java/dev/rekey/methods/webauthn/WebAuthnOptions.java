package dev.rekey.methods.webauthn;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON forms of {@code PublicKeyCredentialCreationOptions} and {@code
 * PublicKeyCredentialRequestOptions} (WebAuthn Level 3 §5.1.7, {@code
 * PublicKeyCredential.parseCreationOptionsFromJSON}): binary members are base64url strings.
 */
public final class WebAuthnOptions {

  private WebAuthnOptions() {}

  public record Rp(String id, String name) {}

  public record User(String id, String name, String displayName) {}

  public record Param(String type, long alg) {}

  public record Descriptor(String type, String id, List<String> transports) {}

  public record Selection(
      String residentKey, boolean requireResidentKey, String userVerification) {}

  /** Options for {@code navigator.credentials.create}. */
  public record Creation(
      Rp rp,
      User user,
      String challenge,
      List<Param> pubKeyCredParams,
      long timeout,
      List<Descriptor> excludeCredentials,
      Selection authenticatorSelection,
      String attestation) {}

  /** Options for {@code navigator.credentials.get}. */
  public record Request(
      String challenge,
      long timeout,
      String rpId,
      List<Descriptor> allowCredentials,
      String userVerification,
      @Nullable List<String> hints) {}

  static Descriptor descriptor(StoredCredential credential) {
    return new Descriptor("public-key", credential.credentialId(), credential.transports());
  }
}
