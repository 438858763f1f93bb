package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImportCsvTest {

  static final String HEADER = "userId,displayName,firstName,lastName,email,groups\n";

  static ImportCsv.Parsed parse(String text) {
    return ImportCsv.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  static String rejection(byte[] bytes) {
    try {
      ImportCsv.parse(bytes);
    } catch (CsvRejected e) {
      return e.code();
    }
    throw new AssertionError("expected the file to be rejected");
  }

  @Test
  void readsRowsWithQuotedCommasQuotesLineBreaksAndGroups() {
    ImportCsv.Parsed parsed =
        parse(
            HEADER
                + "pat@contoso.com,\"Doe, Pat\",Pat,Doe,pat@example.com,SSPR users; Sales ;\n"
                + "kim@contoso.com,\"Kim \"\"KC\"\" Chu\",,,,\n"
                + "lee@contoso.com,\"Lee\nSecond line\",,,,\n"
                + "max@contoso.com,\"Max\",,,,\n");

    // A quoted line break is read as part of the value (RFC 4180 §2.6), so the next row starts on
    // line 6; a name with a line break in it is refused, though.
    assertThat(parsed.total()).isEqualTo(4);
    assertThat(parsed.errors())
        .containsExactly(new RowError(4, "displayName", "control_characters"));
    assertThat(parsed.rows())
        .containsExactly(
            new ImportRow(
                2,
                "pat@contoso.com",
                "Doe, Pat",
                "Pat",
                "Doe",
                "pat@example.com",
                List.of("SSPR users", "Sales")),
            new ImportRow(3, "kim@contoso.com", "Kim \"KC\" Chu", null, null, null, List.of()),
            new ImportRow(6, "max@contoso.com", "Max", null, null, null, List.of()));
  }

  @Test
  void acceptsAByteOrderMarkCrlfAndSkipsEmptyLinesKeepingLineNumbers() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        ("userId,displayName,firstName,lastName,email,groups\r\n\r\n"
                + "a@contoso.com,A,,,,\r\n\r\n"
                + "bad,B,,,,\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, file, 0, bom.length);
    System.arraycopy(body, 0, file, bom.length, body.length);

    ImportCsv.Parsed parsed = ImportCsv.parse(file);

    assertThat(parsed.total()).isEqualTo(2);
    assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(3);
    assertThat(parsed.errors()).containsExactly(new RowError(5, "userId", "upn_invalid"));
  }

  @Test
  void refusesRowsWithWrongColumnCountsBadQuotesAndDuplicatesButKeepsTheRest() {
    ImportCsv.Parsed parsed =
        parse(
            HEADER
                + "a@contoso.com,A,,,,,extra\n"
                + "b@contoso.com,B\n"
                + "c@contoso.com,C\"x,,,,\n"
                + "d@contoso.com,D,,,,\n"
                + "D@CONTOSO.COM,D again,,,,\n"
                + "e@contoso.com,,,,not-an-email,\n"
                + "f@contoso.com,\"F,,,,\n");

    assertThat(parsed.total()).isEqualTo(7);
    assertThat(parsed.rows()).extracting(ImportRow::userId).containsExactly("d@contoso.com");
    assertThat(parsed.refusedRows()).isEqualTo(6);
    assertThat(parsed.errors())
        .containsExactly(
            new RowError(2, "row", "column_count"),
            new RowError(3, "row", "column_count"),
            new RowError(4, "row", "quote_invalid"),
            new RowError(6, "userId", "duplicate_in_file"),
            new RowError(7, "displayName", "required"),
            new RowError(7, "email", "email_invalid"),
            new RowError(8, "row", "quote_unterminated"));
  }

  @Test
  void keepsFormulaLikeNamesAsPlainText() {
    ImportCsv.Parsed parsed =
        parse(HEADER + "x@contoso.com,=cmd|' /C calc'!A0,+1,-2,x@example.com,@SUM(A1)\n");

    assertThat(parsed.errors()).isEmpty();
    ImportRow row = parsed.rows().get(0);
    assertThat(row.displayName()).isEqualTo("=cmd|' /C calc'!A0");
    assertThat(row.firstName()).isEqualTo("+1");
    assertThat(row.groups()).containsExactly("@SUM(A1)");
  }

  @Test
  void refusesHugeLinesAndControlCharactersPerRow() {
    String longName = "n".repeat(ImportCsv.MAX_RECORD_CHARS + 10);
    ImportCsv.Parsed parsed =
        parse(
            HEADER
                + "a@contoso.com,"
                + longName
                + ",,,,\n"
                + "b@contoso.com,B\u0007ell,,,,\n"
                + "c@contoso.com,"
                + "x".repeat(300)
                + ",,,,\n"
                + "d@contoso.com,D,,,,\n");

    assertThat(parsed.rows()).extracting(ImportRow::userId).containsExactly("d@contoso.com");
    assertThat(parsed.errors())
        .containsExactly(
            new RowError(2, "row", "line_too_long"),
            new RowError(3, "displayName", "control_characters"),
            new RowError(4, "displayName", "too_long"));
  }

  @Test
  void rejectsFilesThatAreNotUsableAsAWhole() {
    assertThat(rejection(new byte[0])).isEqualTo("file_empty");
    assertThat(rejection("\n\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("file_empty");
    assertThat(rejection("user,name\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("file_header");
    assertThat(rejection("userId,displayName,firstName,lastName,email\n".getBytes()))
        .isEqualTo("file_header");
    assertThat(rejection(new byte[] {'u', 's', (byte) 0xC3, (byte) 0x28, '\n'}))
        .isEqualTo("file_encoding");
    assertThat(rejection((HEADER + "a\0b").getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("file_binary");
    StringBuilder many = new StringBuilder(HEADER);
    for (int i = 0; i <= ImportCsv.MAX_ROWS; i++) {
      many.append("u").append(i).append("@contoso.com,U,,,,\n");
    }
    assertThat(rejection(many.toString().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("file_too_many_rows");
  }

  @Test
  void headerIsCaseInsensitiveAndLinesWithoutFinalNewlineCount() {
    ImportCsv.Parsed parsed =
        parse("USERID, DisplayName ,firstname,lastname,EMAIL,Groups\na@contoso.com,A,,,,");

    assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2);
  }

  /**
   * Fuzz: random bytes and random CSV-ish text either parse or are rejected, never anything else.
   */
  @Test
  void randomInputNeverThrowsAnythingButCsvRejected() {
    Random random = new Random(42);
    String alphabet = "a@,.\"\n\r;=\t x";
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes;
      if (i % 2 == 0) {
        bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
      } else {
        StringBuilder text = new StringBuilder(HEADER);
        for (int j = random.nextInt(300); j > 0; j--) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      }
      try {
        ImportCsv.Parsed parsed = ImportCsv.parse(bytes);
        assertThat(parsed.rows().size()).isLessThanOrEqualTo(parsed.total());
      } catch (CsvRejected expected) {
        assertThat(expected.code()).startsWith("file_");
      }
    }
    assertThatThrownBy(() -> ImportCsv.parse(new byte[] {0, 1, 2})).isInstanceOf(CsvRejected.class);
  }
}
