package dev.rekey.methods.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

  @Test
  void encodeUsesTheUrlAlphabetWithoutPadding() {
    byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf};
    assertThat(Base64Url.encode(bytes)).isEqualTo("-_-_");
    assertThat(Base64Url.encode("a".getBytes(StandardCharsets.US_ASCII))).isEqualTo("YQ");
    assertThat(Base64Url.encode(new byte[0])).isEmpty();
  }

  @Test
  void decodeRoundTripsEveryLength() {
    Random random = new Random(42);
    for (int length = 0; length < 70; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertThat(Base64Url.decode(Base64Url.encode(bytes))).hasValue(bytes);
    }
  }

  @Test
  void decodeToleratesPaddingButNotTheStandardAlphabetOrJunk() {
    assertThat(Base64Url.decode("YQ=="))
        .hasValueSatisfying(b -> assertThat(b).containsExactly('a'));
    assertThat(Base64Url.decode("+/+/")).isEmpty();
    assertThat(Base64Url.decode("not base64!")).isEmpty();
    assertThat(Base64Url.decode("Y")).isEmpty();
  }
}
