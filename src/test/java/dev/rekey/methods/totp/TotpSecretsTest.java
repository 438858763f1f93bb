package dev.rekey.methods.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpSecretsTest {

  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final String RFC_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void generateWhenCalledThenFreshSecretOf160Bits() {
    TotpSecrets secrets = new TotpSecrets(new SecureRandom());
    byte[] first = secrets.generate();
    assertThat(first).hasSize(20);
    assertThat(secrets.generate()).isNotEqualTo(first);
  }

  @Test
  void generateWhenCalledThenBytesComeFromTheInjectedRandom() {
    SecureRandom fixed =
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 7);
          }
        };
    assertThat(new TotpSecrets(fixed).generate()).containsOnly(7);
  }

  @Test
  void encodeWhenRfcSecretThenBase32WithoutPadding() {
    assertThat(TotpSecrets.encode(RFC_SECRET)).isEqualTo(RFC_BASE32);
    assertThat(TotpSecrets.encode(new byte[] {1})).isEqualTo("AE");
  }

  @Test
  void displayWhenSecretThenBlocksOfFour() {
    assertThat(TotpSecrets.display(RFC_SECRET))
        .isEqualTo("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    assertThat(TotpSecrets.display(new byte[] {1, 2, 3})).isEqualTo("AEBA G");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        "gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
        "  GEZD-GNBV-GY3T-QOJQ-GEZD-GNBV-GY3T-QOJQ ",
        "GeZdGnBvGy3tQoJqGeZdGnBvGy3tQoJq"
      })
  void decodeWhenSpacesOrCaseThenIgnored(String text) {
    assertThat(TotpSecrets.decode(text)).isEqualTo(RFC_SECRET);
  }

  @Test
  void decodeWhenPaddedThenAccepted() {
    assertThat(TotpSecrets.decode("AE======")).containsExactly(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "GEZD1", "GEZD8", "GEZD GNBV!", "A", "ABC", "ABCDEF", "AF", "=="})
  void decodeWhenNotBase32ThenRejected(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> TotpSecrets.decode(text));
  }
}
