package dev.rekey.methods.webauthn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON form of a {@code PublicKeyCredential} ({@code RegistrationResponseJSON} and {@code
 * AuthenticationResponseJSON}, WebAuthn Level 3 §5.1) strictly, naming the first member that is
 * missing or malformed.
 */
public final class CredentialJson {

  static final String ROOT = "credential";
  private static final int MAX_TRANSPORTS = 8;

  private CredentialJson() {}

  /** A registration: {@code id, rawId, type, response{clientDataJSON, attestationObject}}. */
  public record Registration(
      byte[] rawId, byte[] clientDataJson, byte[] attestationObject, List<String> transports) {}

  /** An assertion: {@code id, rawId, type, response{clientDataJSON, authenticatorData, ...}}. */
  public record Assertion(
      byte[] rawId,
      byte[] clientDataJson,
      byte[] authenticatorData,
      byte[] signature,
      byte @Nullable [] userHandle) {

    public String credentialId() {
      return Base64Url.encode(rawId);
    }
  }

  public static Registration registration(@Nullable JsonNode credential) {
    JsonNode response = envelope(credential);
    return new Registration(
        rawId(credential),
        binary(response, "clientDataJSON"),
        binary(response, "attestationObject"),
        transports(response));
  }

  public static Assertion assertion(@Nullable JsonNode credential) {
    JsonNode response = envelope(credential);
    JsonNode handle = response.get("userHandle");
    byte[] userHandle = handle == null || handle.isNull() ? null : binary(response, "userHandle");
    return new Assertion(
        rawId(credential),
        binary(response, "clientDataJSON"),
        binary(response, "authenticatorData"),
        binary(response, "signature"),
        userHandle);
  }

  private static JsonNode envelope(@Nullable JsonNode credential) {
    if (credential == null || !credential.isObject()) {
      throw new MalformedCredential(ROOT);
    }
    JsonNode type = credential.get("type");
    if (type == null || !type.isString() || !"public-key".equals(type.stringValue())) {
      throw new MalformedCredential(ROOT + ".type");
    }
    JsonNode response = credential.get("response");
    if (response == null || !response.isObject()) {
      throw new MalformedCredential(ROOT + ".response");
    }
    return response;
  }

  /** {@code rawId}, which must agree with {@code id} when both are there. */
  private static byte[] rawId(JsonNode credential) {
    Optional<byte[]> raw = text(credential, "rawId").flatMap(Base64Url::decode);
    Optional<byte[]> id = text(credential, "id").flatMap(Base64Url::decode);
    if (raw.isEmpty() && credential.has("rawId")) {
      throw new MalformedCredential(ROOT + ".rawId");
    }
    byte[] value = raw.or(() -> id).orElseThrow(() -> new MalformedCredential(ROOT + ".id"));
    if (value.length == 0 || (id.isPresent() && !java.util.Arrays.equals(id.get(), value))) {
      throw new MalformedCredential(ROOT + ".id");
    }
    return value;
  }

  private static byte[] binary(JsonNode response, String name) {
    return text(response, name)
        .flatMap(Base64Url::decode)
        .filter(bytes -> bytes.length > 0)
        .orElseThrow(() -> new MalformedCredential(ROOT + ".response." + name));
  }

  private static List<String> transports(JsonNode response) {
    JsonNode node = response.get("transports");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() > MAX_TRANSPORTS) {
      throw new MalformedCredential(ROOT + ".response.transports");
    }
    List<String> transports = new ArrayList<>();
    for (JsonNode t : node.values()) {
      if (!t.isString() || !t.stringValue().matches("[a-z-]{1,32}")) {
        throw new MalformedCredential(ROOT + ".response.transports");
      }
      if (!transports.contains(t.stringValue())) {
        transports.add(t.stringValue());
      }
    }
    return List.copyOf(transports);
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
  }
}
