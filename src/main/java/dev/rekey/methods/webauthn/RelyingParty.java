package dev.rekey.methods.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.VerificationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Rekey as a WebAuthn relying party: builds ceremony options and verifies the browser's answers
 * with webauthn4j (WebAuthn Level 2 §7.1 registration, §7.2 authentication). Challenges are the
 * caller's business: it stores them server-side and uses each once.
 */
@Component
public class RelyingParty {

  /** ES256, RS256 and EdDSA, most preferred first (COSE algorithm identifiers, RFC 9053). */
  public static final List<COSEAlgorithmIdentifier> ALGORITHMS =
      List.of(
          COSEAlgorithmIdentifier.ES256,
          COSEAlgorithmIdentifier.RS256,
          COSEAlgorithmIdentifier.EdDSA);

  private final WebAuthnProperties properties;
  // Attestation "none": we do not restrict which authenticator models users may register, so no
  // attestation trust path is checked (WebAuthn §6.5.3); signatures and origins are.
  private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
  private final AttestedCredentialDataConverter credentials =
      new AttestedCredentialDataConverter(new ObjectConverter());

  public RelyingParty(WebAuthnProperties properties) {
    this.properties = properties;
  }

  public WebAuthnProperties properties() {
    return properties;
  }

  public WebAuthnOptions.Creation creationOptions(
      byte[] challenge,
      byte[] userHandle,
      String userName,
      String displayName,
      List<StoredCredential> existing) {
    return new WebAuthnOptions.Creation(
        new WebAuthnOptions.Rp(properties.rpId(), properties.rpName()),
        new WebAuthnOptions.User(Base64Url.encode(userHandle), userName, displayName),
        Base64Url.encode(challenge),
        ALGORITHMS.stream()
            .map(a -> new WebAuthnOptions.Param("public-key", a.getValue()))
            .toList(),
        properties.timeout().toMillis(),
        // The same key cannot be registered twice for one user (WebAuthn §5.4, excludeCredentials).
        existing.stream().map(WebAuthnOptions::descriptor).toList(),
        new WebAuthnOptions.Selection("preferred", false, "preferred"),
        "none");
  }

  public WebAuthnOptions.Request requestOptions(byte[] challenge, List<StoredCredential> allowed) {
    return new WebAuthnOptions.Request(
        Base64Url.encode(challenge),
        properties.timeout().toMillis(),
        properties.rpId(),
        allowed.stream().map(WebAuthnOptions::descriptor).toList(),
        "preferred",
        null);
  }

  /**
   * Verifies a registration (WebAuthn §7.1): client data type, challenge, origin, RP ID hash, user
   * presence, an allowed algorithm, and the attestation statement's format.
   */
  public StoredCredential verifyRegistration(
      CredentialJson.Registration response, byte[] challenge, byte[] userHandle)
      throws VerificationFailed {
    RegistrationData data;
    try {
      data =
          manager.verify(
              new RegistrationRequest(
                  response.attestationObject(),
                  response.clientDataJson(),
                  java.util.Set.copyOf(response.transports())),
              new RegistrationParameters(
                  server(challenge),
                  ALGORITHMS.stream()
                      .map(
                          a ->
                              new PublicKeyCredentialParameters(
                                  PublicKeyCredentialType.PUBLIC_KEY, a))
                      .toList(),
                  false,
                  true));
    } catch (RuntimeException e) {
      throw failure(e);
    }
    AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
    AttestedCredentialData attested = authenticator.getAttestedCredentialData();
    if (attested == null || !Arrays.equals(attested.getCredentialId(), response.rawId())) {
      throw new VerificationFailed(VerificationFailed.Reason.MALFORMED);
    }
    return new StoredCredential(
        Base64Url.encode(attested.getCredentialId()),
        Base64Url.encode(credentials.convert(attested)),
        authenticator.getSignCount(),
        response.transports(),
        attested.getAaguid().toString(),
        Base64Url.encode(userHandle),
        authenticator.isFlagUV(),
        authenticator.isFlagBE(),
        authenticator.isFlagBS());
  }

  /**
   * Verifies an assertion (WebAuthn §7.2): challenge, origin, RP ID hash, user presence, the
   * signature over the stored public key, and the signature counter. Answers the new counter.
   */
  public long verifyAssertion(
      StoredCredential stored, CredentialJson.Assertion response, byte[] challenge)
      throws VerificationFailed {
    if (!stored.credentialId().equals(response.credentialId())) {
      throw new VerificationFailed(VerificationFailed.Reason.UNKNOWN_CREDENTIAL);
    }
    byte[] handle = response.userHandle();
    if (handle != null
        && !Arrays.equals(handle, Base64Url.decode(stored.userHandle()).orElse(new byte[0]))) {
      throw new VerificationFailed(VerificationFailed.Reason.UNKNOWN_CREDENTIAL);
    }
    AttestedCredentialData attested =
        credentials.convert(Base64Url.decode(stored.attestedCredentialData()).orElseThrow());
    var record =
        new CredentialRecordImpl(
            new NoneAttestationStatement(),
            stored.uvInitialized(),
            stored.backupEligible(),
            stored.backedUp(),
            stored.signCount(),
            attested,
            null,
            null,
            null,
            stored.transports().stream()
                .map(AuthenticatorTransport::create)
                .collect(Collectors.toSet()));
    AuthenticationData data;
    try {
      data =
          manager.verify(
              new AuthenticationRequest(
                  response.rawId(),
                  handle,
                  response.authenticatorData(),
                  response.clientDataJson(),
                  null,
                  response.signature()),
              new AuthenticationParameters(
                  server(challenge), record, List.of(response.rawId()), false, true));
    } catch (RuntimeException e) {
      throw failure(e);
    }
    long count = data.getAuthenticatorData().getSignCount();
    // WebAuthn §7.2 step 21 / §6.1.1: a counter that does not grow (unless both are 0) means the
    // key may have been cloned. webauthn4j refuses this already; we check again on our numbers.
    if ((count != 0 || stored.signCount() != 0) && count <= stored.signCount()) {
      throw new VerificationFailed(VerificationFailed.Reason.COUNTER);
    }
    return count;
  }

  private ServerProperty server(byte[] challenge) {
    return ServerProperty.builder()
        .originPredicate(origin -> origin != null && properties.accepts(origin.toString()))
        .rpId(properties.rpId())
        .challenge(new DefaultChallenge(challenge))
        .build();
  }

  private static VerificationFailed failure(RuntimeException e) {
    // Anything but a failed check is input webauthn4j could not read (bad CBOR, JSON, lengths).
    VerificationFailed.Reason reason =
        e instanceof VerificationException
            ? VerificationFailed.Reason.OTHER
            : VerificationFailed.Reason.MALFORMED;
    if (e instanceof BadChallengeException) {
      reason = VerificationFailed.Reason.CHALLENGE;
    } else if (e instanceof BadOriginException) {
      reason = VerificationFailed.Reason.ORIGIN;
    } else if (e instanceof BadRpIdException) {
      reason = VerificationFailed.Reason.RP_ID;
    } else if (e instanceof UserNotPresentException) {
      reason = VerificationFailed.Reason.USER_NOT_PRESENT;
    } else if (e instanceof NotAllowedAlgorithmException || e instanceof BadAlgorithmException) {
      reason = VerificationFailed.Reason.ALGORITHM;
    } else if (e instanceof BadSignatureException) {
      reason = VerificationFailed.Reason.SIGNATURE;
    } else if (e instanceof MaliciousCounterValueException) {
      reason = VerificationFailed.Reason.COUNTER;
    }
    return new VerificationFailed(reason, e);
  }
}
