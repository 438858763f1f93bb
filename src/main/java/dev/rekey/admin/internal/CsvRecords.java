package dev.rekey.admin.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits text into RFC 4180 records: comma-separated fields, double quotes around fields that hold
 * commas, quotes or line breaks, a doubled quote for a quote, CRLF or LF between records. Damage is
 * reported per record, so one bad row never hides the others.
 */
final class CsvRecords {

  /**
   * One record.
   *
   * @param line the (1-based) line of the file where the record starts
   * @param fields its fields; empty when {@code problem} is set
   * @param problem a message code when the record could not be read, else null
   */
  record CsvRecord(int line, List<String> fields, @Nullable String problem) {

    boolean isBlank() {
      return problem == null && fields.size() == 1 && fields.get(0).isBlank();
    }
  }

  private final String text;
  private final int maxRecordChars;
  private int position;
  private int line = 1;

  CsvRecords(String text, int maxRecordChars) {
    this.text = text;
    this.maxRecordChars = maxRecordChars;
  }

  /** The next record, or null at the end of the text. */
  @Nullable CsvRecord next() {
    if (position >= text.length()) {
      return null;
    }
    int start = line;
    int begin = position;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    boolean quoted = false;
    boolean afterQuote = false;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (problem == null && position - begin > maxRecordChars) {
        problem = "line_too_long";
      }
      if (quoted) {
        if (c == '"') {
          if (position < text.length() && text.charAt(position) == '"') {
            field.append('"');
            position++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
        continue;
      } else if (c == '\n' || c == '\r') {
        line++;
        return finish(start, fields, field, problem);
      } else if (c == '"' && field.isEmpty() && !afterQuote) {
        quoted = true;
      } else if (c == '"' || afterQuote) {
        // A quote inside an unquoted field, or text after a closing quote (RFC 4180 §2.5-2.7).
        if (problem == null) {
          problem = "quote_invalid";
        }
        field.append(c);
      } else {
        field.append(c);
      }
    }
    if (quoted && problem == null) {
      problem = "quote_unterminated";
    }
    return finish(start, fields, field, problem);
  }

  private static CsvRecord finish(
      int start, List<String> fields, StringBuilder last, @Nullable String problem) {
    fields.add(last.toString());
    return new CsvRecord(start, problem == null ? List.copyOf(fields) : List.of(), problem);
  }
}
