package dev.rekey.methods.webauthn;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A software FIDO2 authenticator for tests: an ES256 key pair, a credential ID and a signature
 * counter, answering creation and request options with the JSON form of a {@code
 * PublicKeyCredential}, exactly as a browser would send it.
 */
public final class TestAuthenticator {

  public static final byte UP = 0x01;
  public static final byte UV = 0x04;
  public static final byte AT = 0x40;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ObjectConverter CONVERTER = new ObjectConverter();

  private final KeyPair keys;
  private final byte[] credentialId;
  private long counter;

  public TestAuthenticator() {
    this(new byte[0]);
  }

  /** An authenticator with a given credential ID (random when empty). */
  public TestAuthenticator(byte[] credentialId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    if (credentialId.length == 0) {
      credentialId = new byte[16];
      new SecureRandom().nextBytes(credentialId);
    }
    this.credentialId = credentialId.clone();
  }

  public String credentialId() {
    return Base64Url.encode(credentialId);
  }

  public byte[] rawCredentialId() {
    return credentialId.clone();
  }

  /** Sets the signature counter the next ceremony reports (as a cloned key would). */
  public TestAuthenticator counter(long value) {
    this.counter = value;
    return this;
  }

  /** Answers creation options JSON from the server, from {@code origin}. */
  public String register(String optionsJson, String origin) {
    JsonNode options = JSON.readTree(optionsJson);
    return register(
        Base64Url.decode(options.get("challenge").stringValue()).orElseThrow(),
        options.get("rp").get("id").stringValue(),
        origin,
        (byte) (UP | UV | AT));
  }

  public String register(byte[] challenge, String rpId, String origin, byte flags) {
    var attested =
        new AttestedCredentialData(
            AAGUID.ZERO,
            credentialId,
            EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
    var authenticatorData =
        new AuthenticatorData<RegistrationExtensionAuthenticatorOutput>(
            sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, counter, attested);
    byte[] attestationObject =
        new AttestationObjectConverter(CONVERTER)
            .convertToBytes(
                new AttestationObject(authenticatorData, new NoneAttestationStatement()));
    ObjectNode response = JSON.createObjectNode();
    response.put(
        "clientDataJSON", Base64Url.encode(clientData("webauthn.create", challenge, origin)));
    response.put("attestationObject", Base64Url.encode(attestationObject));
    response.putArray("transports").add("usb");
    return credential(response);
  }

  /** Answers request options JSON from the server, from {@code origin}. */
  public String assertion(String optionsJson, String origin) {
    JsonNode options = JSON.readTree(optionsJson);
    return assertion(
        Base64Url.decode(options.get("challenge").stringValue()).orElseThrow(),
        options.get("rpId").stringValue(),
        origin,
        (byte) (UP | UV));
  }

  public String assertion(byte[] challenge, String rpId, String origin, byte flags) {
    byte[] authenticatorData =
        new AuthenticatorDataConverter(CONVERTER)
            .convert(
                new AuthenticatorData<>(
                    sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, counter));
    byte[] clientData = clientData("webauthn.get", challenge, origin);
    byte[] signature;
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(authenticatorData);
      signer.update(sha256(clientData));
      signature = signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("clientDataJSON", Base64Url.encode(clientData));
    response.put("authenticatorData", Base64Url.encode(authenticatorData));
    response.put("signature", Base64Url.encode(signature));
    return credential(response);
  }

  private String credential(ObjectNode response) {
    ObjectNode credential = JSON.createObjectNode();
    credential.put("id", credentialId());
    credential.put("rawId", credentialId());
    credential.put("type", "public-key");
    credential.set("response", response);
    credential.putObject("clientExtensionResults");
    return JSON.writeValueAsString(credential);
  }

  private static byte[] clientData(String type, byte[] challenge, String origin) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", type);
    node.put("challenge", Base64Url.encode(challenge));
    node.put("origin", origin);
    node.put("crossOrigin", false);
    return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
