package dev.rekey.methods.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Option building and both ceremonies, against a software authenticator. */
class RelyingPartyTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ORIGIN = "http://localhost:8080";

  private final RelyingParty rp =
      new RelyingParty(
          new WebAuthnProperties("localhost", "Rekey", List.of(ORIGIN), Duration.ofSeconds(60)));
  private final TestAuthenticator authenticator = new TestAuthenticator();
  private final byte[] challenge = bytes(32, 7);
  private final byte[] userHandle = bytes(32, 9);

  @Test
  void creationOptionsHaveTheJsonShapeBrowsersParse() {
    StoredCredential existing = register();
    var options =
        rp.creationOptions(
            challenge, userHandle, "alain@contoso.com", "Alain Lambert", List.of(existing));
    var json = JSON.readTree(JSON.writeValueAsString(options));
    assertThat(json.get("challenge").stringValue()).isEqualTo(Base64Url.encode(challenge));
    assertThat(json.get("rp").get("id").stringValue()).isEqualTo("localhost");
    assertThat(json.get("rp").get("name").stringValue()).isEqualTo("Rekey");
    assertThat(json.get("user").get("id").stringValue()).isEqualTo(Base64Url.encode(userHandle));
    assertThat(json.get("user").get("name").stringValue()).isEqualTo("alain@contoso.com");
    assertThat(json.get("user").get("displayName").stringValue()).isEqualTo("Alain Lambert");
    assertThat(json.get("pubKeyCredParams").values())
        .extracting(p -> p.get("alg").asLong())
        .containsExactly(-7L, -257L, -8L);
    assertThat(json.get("pubKeyCredParams").get(0).get("type").stringValue())
        .isEqualTo("public-key");
    assertThat(json.get("timeout").asLong()).isEqualTo(60_000);
    assertThat(json.get("excludeCredentials").get(0).get("id").stringValue())
        .isEqualTo(authenticator.credentialId());
    assertThat(json.get("excludeCredentials").get(0).get("transports").get(0).stringValue())
        .isEqualTo("usb");
    assertThat(json.get("authenticatorSelection").get("residentKey").stringValue())
        .isEqualTo("preferred");
    assertThat(json.get("authenticatorSelection").get("userVerification").stringValue())
        .isEqualTo("preferred");
    assertThat(json.get("attestation").stringValue()).isEqualTo("none");
  }

  @Test
  void requestOptionsAllowTheUsersKeys() {
    var options = rp.requestOptions(challenge, List.of(register()));
    assertThat(options.rpId()).isEqualTo("localhost");
    assertThat(options.challenge()).isEqualTo(Base64Url.encode(challenge));
    assertThat(options.allowCredentials())
        .extracting(WebAuthnOptions.Descriptor::id)
        .containsExactly(authenticator.credentialId());
  }

  @Test
  void registrationKeepsWhatAssertionsNeed() {
    StoredCredential stored = register();
    assertThat(stored.credentialId()).isEqualTo(authenticator.credentialId());
    assertThat(stored.transports()).containsExactly("usb");
    assertThat(stored.signCount()).isZero();
    assertThat(stored.aaguid()).isEqualTo("00000000-0000-0000-0000-000000000000");
    assertThat(stored.userHandle()).isEqualTo(Base64Url.encode(userHandle));
    assertThat(StoredCredential.fromJson(stored.toJson())).isEqualTo(stored);
  }

  @Test
  void registrationRefusesAnotherChallengeOriginRpOrAbsentUser() {
    assertRegistrationFails(
        bytes(32, 1), "localhost", ORIGIN, 0x45, VerificationFailed.Reason.CHALLENGE);
    assertRegistrationFails(
        challenge, "localhost", "https://evil.example", 0x45, VerificationFailed.Reason.ORIGIN);
    assertRegistrationFails(
        challenge, "evil.example", ORIGIN, 0x45, VerificationFailed.Reason.RP_ID);
    assertRegistrationFails(
        challenge, "localhost", ORIGIN, 0x44, VerificationFailed.Reason.USER_NOT_PRESENT);
  }

  @Test
  void garbageIsMalformedNotAnError() {
    var junk =
        new CredentialJson.Registration(
            new byte[] {1}, new byte[] {1, 2, 3}, new byte[] {1, 2, 3}, List.of());
    assertThatThrownBy(() -> rp.verifyRegistration(junk, challenge, userHandle))
        .isInstanceOfSatisfying(
            VerificationFailed.class,
            e ->
                assertThat(e.reason())
                    .as(e.getCause().toString())
                    .isEqualTo(VerificationFailed.Reason.MALFORMED));
  }

  @Test
  void assertionVerifiesAndTheCounterMustGrow() throws Exception {
    StoredCredential stored = register();
    // Both 0: an authenticator without a counter is fine.
    assertThat(rp.verifyAssertion(stored, assertion(challenge, ORIGIN), challenge)).isZero();
    authenticator.counter(5);
    assertThat(rp.verifyAssertion(stored, assertion(challenge, ORIGIN), challenge)).isEqualTo(5);
    StoredCredential used = stored.withSignCount(5);
    // The same or a lower counter means the key may be a clone (WebAuthn §6.1.1).
    assertThatThrownBy(() -> rp.verifyAssertion(used, assertion(challenge, ORIGIN), challenge))
        .isInstanceOfSatisfying(
            VerificationFailed.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationFailed.Reason.COUNTER));
    authenticator.counter(3);
    assertThatThrownBy(() -> rp.verifyAssertion(used, assertion(challenge, ORIGIN), challenge))
        .isInstanceOfSatisfying(
            VerificationFailed.class,
            e -> assertThat(e.reason()).isEqualTo(VerificationFailed.Reason.COUNTER));
  }

  @Test
  void assertionRefusesWrongChallengeOriginKeyOrSignature() {
    StoredCredential stored = register();
    assertAssertionFails(
        stored, assertion(bytes(32, 2), ORIGIN), VerificationFailed.Reason.CHALLENGE);
    assertAssertionFails(
        stored, assertion(challenge, "http://evil.example"), VerificationFailed.Reason.ORIGIN);
    var other = new TestAuthenticator(authenticator.rawCredentialId());
    var forged =
        CredentialJson.assertion(
            JSON.readTree(other.assertion(challenge, "localhost", ORIGIN, (byte) 5)));
    assertAssertionFails(stored, forged, VerificationFailed.Reason.SIGNATURE);
    var stranger =
        CredentialJson.assertion(
            JSON.readTree(
                new TestAuthenticator().assertion(challenge, "localhost", ORIGIN, (byte) 5)));
    assertAssertionFails(stored, stranger, VerificationFailed.Reason.UNKNOWN_CREDENTIAL);
  }

  private StoredCredential register() {
    try {
      return rp.verifyRegistration(
          CredentialJson.registration(
              JSON.readTree(authenticator.register(challenge, "localhost", ORIGIN, (byte) 0x45))),
          challenge,
          userHandle);
    } catch (VerificationFailed e) {
      throw new AssertionError(e);
    }
  }

  private CredentialJson.Assertion assertion(byte[] signed, String origin) {
    return CredentialJson.assertion(
        JSON.readTree(authenticator.assertion(signed, "localhost", origin, (byte) 5)));
  }

  private void assertRegistrationFails(
      byte[] signed, String rpId, String origin, int flags, VerificationFailed.Reason reason) {
    var response =
        CredentialJson.registration(
            JSON.readTree(authenticator.register(signed, rpId, origin, (byte) flags)));
    assertThatThrownBy(() -> rp.verifyRegistration(response, challenge, userHandle))
        .isInstanceOfSatisfying(
            VerificationFailed.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private void assertAssertionFails(
      StoredCredential stored,
      CredentialJson.Assertion assertion,
      VerificationFailed.Reason reason) {
    assertThatThrownBy(() -> rp.verifyAssertion(stored, assertion, challenge))
        .isInstanceOfSatisfying(
            VerificationFailed.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static byte[] bytes(int length, int fill) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}
