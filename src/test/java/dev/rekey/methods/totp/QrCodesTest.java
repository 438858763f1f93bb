package dev.rekey.methods.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  private static final String PREFIX = "data:image/png;base64,";

  @Test
  void dataUrlWhenOtpauthUriThenPngThatDecodesToTheSameUri() throws Exception {
    String uri =
        OtpauthUri.of(
                "Contoso Café",
                "adele@contoso.com",
                "12345678901234567890".getBytes(StandardCharsets.US_ASCII))
            .toUri();
    String dataUrl = QrCodes.dataUrl(uri);
    assertThat(dataUrl).startsWith(PREFIX);

    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUrl.substring(PREFIX.length()))));
    assertThat(image.getWidth()).isEqualTo(QrCodes.SIZE);
    assertThat(image.getHeight()).isEqualTo(QrCodes.SIZE);
    assertThat(decode(image)).isEqualTo(uri);
  }

  @Test
  void pngWhenRenderedThenHasAWhiteQuietZone() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png("otpauth://totp/x")));
    for (int i = 0; i < QrCodes.SIZE; i++) {
      assertThat(image.getRGB(i, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
      assertThat(image.getRGB(0, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
  }

  private static String decode(BufferedImage image) throws Exception {
    var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new QRCodeReader()
        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE))
        .getText();
  }
}
