package dev.rekey.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes CSV as RFC 4180 says: comma-separated, CRLF line ends, a field with a comma, quote, CR or
 * LF in double quotes with its quotes doubled.
 *
 * <p>A cell that a spreadsheet would read as a formula (starting with {@code = + - @}, TAB or CR)
 * gets a leading single quote, so a user agent or typed user ID cannot run code in the admin's
 * spreadsheet (OWASP "CSV Injection").
 */
final class AuditCsv {

  private final Writer out;

  AuditCsv(Writer out) {
    this.out = out;
  }

  void row(List<? extends @Nullable Object> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        Object cell = cells.get(i);
        out.write(cell(cell == null ? "" : cell.toString()));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\r') >= 0
            || safe.indexOf('\n') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
