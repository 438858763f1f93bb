package dev.rekey.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.reports.ResetReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

  @Test
  void formulaCellsGetAQuoteAndSpecialCharactersAreQuoted() {
    assertThat(ReportCsv.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(ReportCsv.cell("+1")).isEqualTo("'+1");
    assertThat(ReportCsv.cell("-1")).isEqualTo("'-1");
    assertThat(ReportCsv.cell("@cmd")).isEqualTo("'@cmd");
    assertThat(ReportCsv.cell("wrong_code")).isEqualTo("wrong_code");
    assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(ReportCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(ReportCsv.cell("=a,\"b\"")).isEqualTo("\"'=a,\"\"b\"\"\"");
    assertThat(ReportCsv.cell("12")).isEqualTo("12");
  }

  @Test
  void resetReportHasAHeaderAndOneRowPerNumber() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    reasons.put("@evil", 2L);
    ResetReport report =
        new ResetReport(
            "24h",
            3,
            2,
            1,
            2,
            reasons,
            Map.of("phone", 1L),
            Map.of("verify", 1L),
            List.of(new ResetReport.Bucket("2026-11-05T09:00:00Z", 3, 2, 2)));
    assertThat(ReportCsv.resets(report))
        .isEqualTo(
            "section,key,value\r\n"
                + "totals,period,24h\r\n"
                + "totals,started,3\r\n"
                + "totals,succeeded,2\r\n"
                + "totals,unlocked,1\r\n"
                + "totals,failed,2\r\n"
                + "failedByReason,'@evil,2\r\n"
                + "byMethod,phone,1\r\n"
                + "abandonedByStep,verify,1\r\n"
                + "overTime.started,2026-11-05T09:00:00Z,3\r\n"
                + "overTime.succeeded,2026-11-05T09:00:00Z,2\r\n"
                + "overTime.failed,2026-11-05T09:00:00Z,2\r\n");
  }
}
