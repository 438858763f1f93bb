package dev.rekey.methods.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Draws QR codes as PNG images that a page can show inline without a second request. */
public final class QrCodes {

  /** Width and height of the image in pixels. */
  public static final int SIZE = 240;

  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(
          // M recovers ~15 % damage: a good balance for a screen-to-camera scan of a short URI.
          EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M,
          // ISO/IEC 18004 asks for a quiet zone of four modules around the symbol.
          EncodeHintType.MARGIN,
          4,
          EncodeHintType.CHARACTER_SET,
          StandardCharsets.UTF_8.name());

  private QrCodes() {}

  /** The QR code of {@code content} as a PNG image. */
  public static byte[] png(String content) {
    try {
      BitMatrix matrix =
          new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE, HINTS);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("content does not fit in a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The QR code of {@code content} as a {@code data:image/png;base64,...} URL for an img src. */
  public static String dataUrl(String content) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(content));
  }
}
