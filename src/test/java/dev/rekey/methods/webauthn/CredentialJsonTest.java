package dev.rekey.methods.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CredentialJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TestAuthenticator authenticator = new TestAuthenticator();

  private static JsonNode tree(String json) {
    return JSON.readTree(json);
  }

  @Test
  void readsARegistrationAsABrowserSendsIt() {
    String json =
        authenticator.register(new byte[32], "localhost", "http://localhost:8080", (byte) 0x45);
    var registration = CredentialJson.registration(tree(json));
    assertThat(registration.rawId()).isEqualTo(authenticator.rawCredentialId());
    assertThat(registration.transports()).containsExactly("usb");
    assertThat(new String(registration.clientDataJson())).contains("\"webauthn.create\"");
  }

  @Test
  void readsAnAssertion() {
    String json = authenticator.assertion(new byte[32], "localhost", "http://localhost", (byte) 1);
    var assertion = CredentialJson.assertion(tree(json));
    assertThat(assertion.credentialId()).isEqualTo(authenticator.credentialId());
    assertThat(assertion.userHandle()).isNull();
    assertThat(assertion.signature()).isNotEmpty();
  }

  @Test
  void namesTheFirstMalformedMember() {
    assertField(null, "credential");
    assertField("\"text\"", "credential");
    assertField("{}", "credential.type");
    assertField("{\"type\":\"password\"}", "credential.type");
    assertField("{\"type\":\"public-key\"}", "credential.response");
    assertField("{\"type\":\"public-key\",\"response\":{}}", "credential.id");
    assertField("{\"type\":\"public-key\",\"rawId\":\"a+b/\",\"response\":{}}", "credential.rawId");
    assertField(
        "{\"type\":\"public-key\",\"id\":\"AAAA\",\"rawId\":\"AQID\",\"response\":{}}",
        "credential.id");
    assertField(
        "{\"type\":\"public-key\",\"id\":\"AQID\",\"response\":{\"clientDataJSON\":\"!!\"}}",
        "credential.response.clientDataJSON");
    assertField(
        "{\"type\":\"public-key\",\"id\":\"AQID\",\"response\":{\"clientDataJSON\":\"AQID\"}}",
        "credential.response.attestationObject");
    assertField(
        "{\"type\":\"public-key\",\"id\":\"AQID\",\"response\":{\"clientDataJSON\":\"AQID\","
            + "\"attestationObject\":\"AQID\",\"transports\":[\"usb\",7]}}",
        "credential.response.transports");
  }

  private static void assertField(String json, String field) {
    assertThatThrownBy(() -> CredentialJson.registration(json == null ? null : tree(json)))
        .isInstanceOfSatisfying(
            MalformedCredential.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
