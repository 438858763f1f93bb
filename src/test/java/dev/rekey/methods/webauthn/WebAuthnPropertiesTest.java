package dev.rekey.methods.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebAuthnPropertiesTest {

  private static WebAuthnProperties of(String rpId, List<String> origins, Duration timeout) {
    return new WebAuthnProperties(rpId, "Rekey", origins, timeout);
  }

  @Test
  void localhostAcceptsItsOriginsAndAnyLocalhostPort() {
    var properties = of("localhost", List.of("http://localhost:8080"), Duration.ofSeconds(60));
    assertThat(properties.accepts("http://localhost:8080")).isTrue();
    assertThat(properties.accepts("http://localhost:41234")).isTrue();
    assertThat(properties.accepts("http://localhost")).isTrue();
    assertThat(properties.accepts("https://localhost:8080")).isFalse();
    assertThat(properties.accepts("http://localhost.evil.example")).isFalse();
    assertThat(properties.accepts("http://127.0.0.1:8080")).isFalse();
    assertThat(properties.accepts("http://evil.example")).isFalse();
  }

  @Test
  void aRealDomainAcceptsOnlyItsListedOrigins() {
    var properties =
        of(
            "contoso.com",
            List.of("https://sspr.contoso.com", "https://CONTOSO.com:8443"),
            Duration.ofSeconds(60));
    assertThat(properties.origins())
        .containsExactly("https://sspr.contoso.com", "https://contoso.com:8443");
    assertThat(properties.accepts("https://sspr.contoso.com")).isTrue();
    assertThat(properties.accepts("https://contoso.com:8443")).isTrue();
    assertThat(properties.accepts("https://other.contoso.com")).isFalse();
    assertThat(properties.accepts("http://localhost:8080")).isFalse();
  }

  @Test
  void badSettingsFailAtStartUp() {
    Duration minute = Duration.ofMinutes(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("https://contoso.com", List.of("https://contoso.com"), minute));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("contoso.com:443", List.of("https://contoso.com"), minute));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("contoso.com", List.of("http://contoso.com"), minute))
        .withMessageContaining("http only on localhost");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("contoso.com", List.of("https://fabrikam.com"), minute))
        .withMessageContaining("not within the rp-id");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("contoso.com", List.of("https://contoso.com/sspr"), minute));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("notcontoso.com", List.of("https://contoso.com"), minute));
    assertThatIllegalArgumentException().isThrownBy(() -> of("contoso.com", List.of(), minute));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("localhost", List.of("http://localhost:8080"), Duration.ofSeconds(5)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of("localhost", List.of("http://localhost:8080"), Duration.ofHours(1)));
  }
}
