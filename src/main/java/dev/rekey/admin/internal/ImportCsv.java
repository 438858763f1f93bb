package dev.rekey.admin.internal;

import dev.rekey.admin.internal.CsvRecords.CsvRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a user import file: UTF-8 (a byte order mark is allowed), RFC 4180, the header {@code
 * userId,displayName,firstName,lastName,email,groups}, groups separated by {@code ;}. Problems with
 * the file as a whole throw {@link CsvRejected}; problems with a row become {@link RowError}s and
 * the other rows still count.
 *
 * <p>Values are kept exactly as text: a name such as {@code =cmd|...} is stored as those characters
 * and never evaluated (OWASP "CSV Injection": the danger is in spreadsheets opening CSV we write,
 * and we write none of these values back).
 */
final class ImportCsv {

  static final List<String> COLUMNS =
      List.of("userId", "displayName", "firstName", "lastName", "email", "groups");
  static final int MAX_ROWS = 100_000;
  static final int MAX_RECORD_CHARS = 4_096;

  /** The directory's own UPN shape; the domain is checked against the tenant when creating. */
  private static final Pattern UPN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{4,253}");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]");

  /**
   * What the file holds.
   *
   * @param rows the rows that can be tried
   * @param errors the reasons rows were refused, in file order
   * @param total every data row of the file (blank lines not counted)
   */
  record Parsed(List<ImportRow> rows, List<RowError> errors, int total) {

    int refusedRows() {
      return total - rows.size();
    }
  }

  private ImportCsv() {}

  static Parsed parse(byte[] bytes) {
    String text = decode(bytes);
    if (text.indexOf('\0') >= 0) {
      throw new CsvRejected("file_binary");
    }
    CsvRecords records = new CsvRecords(text, MAX_RECORD_CHARS);
    CsvRecord header = records.next();
    while (header != null && header.isBlank()) {
      header = records.next();
    }
    if (header == null) {
      throw new CsvRejected("file_empty");
    }
    checkHeader(header);
    List<ImportRow> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (CsvRecord record = records.next(); record != null; record = records.next()) {
      if (record.isBlank()) {
        continue;
      }
      if (++total > MAX_ROWS) {
        throw new CsvRejected("file_too_many_rows");
      }
      List<RowError> rowErrors = new ArrayList<>();
      ImportRow row = read(record, rowErrors, seen);
      if (rowErrors.isEmpty() && row != null) {
        rows.add(row);
      } else {
        errors.addAll(rowErrors);
      }
    }
    return new Parsed(rows, errors, total);
  }

  private static String decode(byte[] bytes) {
    int offset =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CsvRejected("file_encoding");
    }
  }

  private static void checkHeader(CsvRecord header) {
    if (header.problem() != null || header.fields().size() != COLUMNS.size()) {
      throw new CsvRejected("file_header");
    }
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (!COLUMNS.get(i).equalsIgnoreCase(header.fields().get(i).strip())) {
        throw new CsvRejected("file_header");
      }
    }
  }

  private static @Nullable ImportRow read(
      CsvRecord record, List<RowError> errors, Set<String> seen) {
    int line = record.line();
    if (record.problem() != null) {
      errors.add(new RowError(line, "row", record.problem()));
      return null;
    }
    List<String> f = record.fields();
    if (f.size() != COLUMNS.size()) {
      errors.add(new RowError(line, "row", "column_count"));
      return null;
    }
    for (int i = 0; i < f.size(); i++) {
      if (CONTROL.matcher(f.get(i)).find()) {
        errors.add(new RowError(line, COLUMNS.get(i), "control_characters"));
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    String userId = f.get(0).strip();
    if (userId.isEmpty()) {
      errors.add(new RowError(line, "userId", "required"));
    } else if (!UPN.matcher(userId).matches()) {
      errors.add(new RowError(line, "userId", "upn_invalid"));
    } else if (!seen.add(userId.toLowerCase(Locale.ROOT))) {
      errors.add(new RowError(line, "userId", "duplicate_in_file"));
    }
    String displayName = f.get(1).strip();
    if (displayName.isEmpty()) {
      errors.add(new RowError(line, "displayName", "required"));
    } else if (displayName.length() > 256) {
      errors.add(new RowError(line, "displayName", "too_long"));
    }
    String firstName = optional(f.get(2), 128, line, "firstName", errors);
    String lastName = optional(f.get(3), 128, line, "lastName", errors);
    String email = optional(f.get(4), 320, line, "email", errors);
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.add(new RowError(line, "email", "email_invalid"));
    }
    List<String> groups = new ArrayList<>();
    for (String name : f.get(5).split(";", -1)) {
      String group = name.strip();
      if (group.length() > 256) {
        errors.add(new RowError(line, "groups", "too_long"));
        break;
      }
      if (!group.isEmpty() && !groups.contains(group)) {
        groups.add(group);
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new ImportRow(line, userId, displayName, firstName, lastName, email, groups);
  }

  private static @Nullable String optional(
      String value, int max, int line, String field, List<RowError> errors) {
    String stripped = value.strip();
    if (stripped.length() > max) {
      errors.add(new RowError(line, field, "too_long"));
    }
    return stripped.isEmpty() ? null : stripped;
  }
}
