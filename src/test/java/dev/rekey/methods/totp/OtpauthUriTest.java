package dev.rekey.methods.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtpauthUriTest {

  private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final String BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void toUriWhenTenantUserThenKeyUriFormat() {
    String uri = OtpauthUri.of("Contoso", "adele@contoso.com", SECRET).toUri();
    assertThat(uri)
        .isEqualTo(
            "otpauth://totp/Rekey%20%28Contoso%29:adele@contoso.com?secret="
                + BASE32
                + "&issuer=Rekey%20%28Contoso%29&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void toUriWhenSpecialCharactersThenPercentEncodedAndOneColon() {
    OtpauthUri otpauth = OtpauthUri.of("Café & Co: Ltd+1/2?", "zoë+test@contoso.com", SECRET);
    String uri = otpauth.toUri();
    assertThat(uri)
        .startsWith("otpauth://totp/Rekey%20%28Caf%C3%A9%20%26%20Co%20Ltd%2B1%2F2%3F%29:")
        .contains(":zo%C3%AB%2Btest@contoso.com?")
        .doesNotContain("+")
        .doesNotContain(" ");
    assertThat(uri.substring(0, uri.indexOf('?')).chars().filter(c -> c == ':')).hasSize(2);
    OtpauthUri back = OtpauthUri.parse(uri);
    assertThat(back.issuer()).isEqualTo("Rekey (Café & Co Ltd+1/2?)");
    assertThat(back.accountName()).isEqualTo("zoë+test@contoso.com");
  }

  @Test
  void ofWhenNoTenantNameThenIssuerIsProduct() {
    assertThat(OtpauthUri.of(" ", "a@b.example", SECRET).issuer()).isEqualTo("Rekey");
  }

  @Test
  void parseWhenMadeByToUriThenSameValues() {
    OtpauthUri original = OtpauthUri.of("Contoso", "adele@contoso.com", SECRET);
    OtpauthUri back = OtpauthUri.parse(original.toUri());
    assertThat(back).isEqualTo(original);
    assertThat(TotpSecrets.decode(back.secret())).isEqualTo(SECRET);
  }

  @Test
  void toStringWhenLoggedThenSecretHidden() {
    assertThat(OtpauthUri.of("Contoso", "adele@contoso.com", SECRET).toString())
        .doesNotContain(BASE32)
        .contains("adele@contoso.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "otpauth://hotp/Rekey:a@b?secret=AE&issuer=Rekey&algorithm=SHA1&digits=6&period=30",
        "otpauth://totp/Rekey:a@b",
        "otpauth://totp/a@b?secret=AE&issuer=Rekey&algorithm=SHA1&digits=6&period=30",
        "otpauth://totp/Rekey:a:b?secret=AE&issuer=Rekey&algorithm=SHA1&digits=6&period=30",
        "otpauth://totp/Rekey:a@b?secret=AE&issuer=Other&algorithm=SHA1&digits=6&period=30",
        "otpauth://totp/Rekey:a@b?secret=AE&issuer=Rekey&algorithm=SHA256&digits=6&period=30",
        "otpauth://totp/Rekey:a@b?secret=AE&issuer=Rekey&algorithm=SHA1&digits=8&period=30",
        "otpauth://totp/Rekey:a@b?secret=AE&issuer=Rekey&algorithm=SHA1&digits=6&period=60",
        "otpauth://totp/Rekey:a@b?issuer=Rekey&algorithm=SHA1&digits=6&period=30",
        "otpauth://totp/Rekey:a@b?secret=AE&secret=AE&issuer=Rekey&algorithm=SHA1&digits=6&period=30"
      })
  void parseWhenNotRekeyTotpUriThenRejected(String uri) {
    assertThatIllegalArgumentException().isThrownBy(() -> OtpauthUri.parse(uri));
  }

  @Test
  void newWhenAccountMissingThenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> OtpauthUri.of("Contoso", ":", SECRET));
  }
}
