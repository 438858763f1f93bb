package dev.rekey.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void cellWhenPlainThenUnchanged() {
    assertThat(AuditCsv.cell("alain@contoso.com")).isEqualTo("alain@contoso.com");
    assertThat(AuditCsv.cell("")).isEmpty();
  }

  @Test
  void cellWhenCommaQuoteOrLineBreakThenQuotedWithQuotesDoubled() {
    assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AuditCsv.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
    assertThat(AuditCsv.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
  }

  @Test
  void cellWhenSpreadsheetFormulaThenPrefixedWithQuote() {
    assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(AuditCsv.cell("+31612345678")).isEqualTo("'+31612345678");
    assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
    assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(AuditCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\",\"x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
  }

  @Test
  void cellWhenFormulaCharacterNotFirstThenUnchanged() {
    assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
    assertThat(AuditCsv.cell("x-y@z")).isEqualTo("x-y@z");
  }

  @Test
  void rowSeparatesWithCommasEndsWithCrlfAndWritesNullsEmpty() {
    StringWriter out = new StringWriter();
    AuditCsv csv = new AuditCsv(out);
    csv.row(List.of("id", "time"));
    csv.row(Arrays.asList("a,b", null, 42, "=x"));
    assertThat(out).hasToString("id,time\r\n\"a,b\",,42,'=x\r\n");
  }
}
