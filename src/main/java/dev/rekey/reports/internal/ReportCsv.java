package dev.rekey.reports.internal;

import dev.rekey.reports.RegistrationReport;
import dev.rekey.reports.ResetReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reports as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote, CR or
 * LF quoted with quotes doubled), one row per number: {@code section,key,value}, under a header
 * row.
 *
 * <p>A text cell that a spreadsheet would read as a formula (starting with {@code = + - @}, TAB or
 * CR) gets a leading single quote, so a reason code or step name from the audit trail cannot run
 * anything in the admin's spreadsheet (OWASP "CSV Injection", ASVS 5.0 1.2.10). Numbers are written
 * as they are: a negative count cannot occur.
 */
final class ReportCsv {

  static final List<String> HEADER = List.of("section", "key", "value");

  private ReportCsv() {}

  static String registration(RegistrationReport report) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("totals", "totalUsers", report.totalUsers()));
    rows.add(row("totals", "registered", report.registered()));
    rows.add(row("totals", "notRegistered", report.notRegistered()));
    map(rows, "byMethod", report.byMethod());
    for (RegistrationReport.Day day : report.overTime()) {
      rows.add(row("overTime.registered", day.date(), day.registered()));
    }
    return write(rows);
  }

  static String resets(ResetReport report) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("totals", "period", report.period()));
    rows.add(row("totals", "started", report.started()));
    rows.add(row("totals", "succeeded", report.succeeded()));
    rows.add(row("totals", "unlocked", report.unlocked()));
    rows.add(row("totals", "failed", report.failed()));
    map(rows, "failedByReason", report.failedByReason());
    map(rows, "byMethod", report.byMethod());
    map(rows, "abandonedByStep", report.abandonedByStep());
    for (ResetReport.Bucket bucket : report.overTime()) {
      rows.add(row("overTime.started", bucket.bucket(), bucket.started()));
      rows.add(row("overTime.succeeded", bucket.bucket(), bucket.succeeded()));
      rows.add(row("overTime.failed", bucket.bucket(), bucket.failed()));
    }
    return write(rows);
  }

  private static void map(List<List<String>> rows, String section, Map<String, Long> values) {
    values.forEach((key, value) -> rows.add(row(section, key, value)));
  }

  private static List<String> row(String section, String key, long value) {
    return List.of(section, key, Long.toString(value));
  }

  private static String write(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, HEADER);
    rows.forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
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
