package dev.rekey.methods.webauthn;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Rekey keeps of a registered security key (SPEC §4: credential id, public key, sign count,
 * transports), as the JSON in {@code auth_method.data}. Nothing here is secret: the public key only
 * verifies signatures.
 *
 * @param credentialId base64url credential ID
 * @param attestedCredentialData base64url AAGUID, credential ID and COSE public key, as the
 *     authenticator reported them at registration (WebAuthn §6.5.2)
 * @param signCount the last signature counter seen
 * @param aaguid the authenticator model, all zeros when attestation is {@code none}
 * @param userHandle base64url user handle the credential was created for
 */
public record StoredCredential(
    String credentialId,
    String attestedCredentialData,
    long signCount,
    List<String> transports,
    String aaguid,
    String userHandle,
    boolean uvInitialized,
    boolean backupEligible,
    boolean backedUp) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public StoredCredential {
    transports = List.copyOf(transports);
  }

  public StoredCredential withSignCount(long count) {
    return new StoredCredential(
        credentialId,
        attestedCredentialData,
        count,
        transports,
        aaguid,
        userHandle,
        uvInitialized,
        backupEligible,
        backedUp);
  }

  public String toJson() {
    return JSON.writeValueAsString(this);
  }

  /** Reads stored JSON; throws {@link IllegalStateException} for a damaged row. */
  public static StoredCredential fromJson(String json) {
    try {
      return JSON.readValue(json, StoredCredential.class);
    } catch (JacksonException e) {
      throw new IllegalStateException("unreadable security key data", e);
    }
  }
}
