package dev.rekey.reports.internal;

import dev.rekey.reports.RegistrationReport;
import dev.rekey.reports.ReportPeriod;
import dev.rekey.reports.ResetReport;
import dev.rekey.reports.internal.ReportsPageController.Chart;
import dev.rekey.reports.internal.ReportsPageController.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** Turns the reports into localised charts and their tables for the page. */
final class ReportCharts {

  private final MessageSource messages;
  private final Locale locale;

  ReportCharts(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  List<Chart> registration(RegistrationReport report) {
    List<Chart> charts = new ArrayList<>();
    charts.add(
        bars(
            "chart-coverage",
            "reports.chart.coverage",
            List.of(
                new Row(text("reports.registered"), List.of(report.registered())),
                new Row(text("reports.notRegistered"), List.of(report.notRegistered())))));
    charts.add(
        bars(
            "chart-registration-methods",
            "reports.chart.registrationMethods",
            methods(report.byMethod())));
    List<String> labels = report.overTime().stream().map(RegistrationReport.Day::date).toList();
    List<Long> values = report.overTime().stream().map(RegistrationReport.Day::registered).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      rows.add(new Row(labels.get(i), List.of(values.get(i))));
    }
    String id = "chart-registration-time";
    charts.add(
        new Chart(
            id,
            text("reports.chart.registrationTime"),
            SvgChart.lines(
                id,
                texts("reports.chart.registrationTime"),
                labels,
                List.of(new SvgChart.Series(text("reports.registered"), values))),
            rows));
    return charts;
  }

  List<Chart> resets(ResetReport report, ReportPeriod period) {
    List<Chart> charts = new ArrayList<>();
    List<String> labels = report.overTime().stream().map(ResetReport.Bucket::bucket).toList();
    List<Row> rows = new ArrayList<>();
    for (ResetReport.Bucket bucket : report.overTime()) {
      rows.add(
          new Row(bucket.bucket(), List.of(bucket.started(), bucket.succeeded(), bucket.failed())));
    }
    String id = "chart-resets-time";
    String key = period.hourly() ? "reports.chart.resetsPerHour" : "reports.chart.resetsPerDay";
    List<String> names = seriesNames();
    charts.add(
        new Chart(
            id,
            text(key),
            SvgChart.lines(
                id,
                texts(key),
                labels,
                List.of(
                    new SvgChart.Series(
                        names.get(0),
                        report.overTime().stream().map(ResetReport.Bucket::started).toList()),
                    new SvgChart.Series(
                        names.get(1),
                        report.overTime().stream().map(ResetReport.Bucket::succeeded).toList()),
                    new SvgChart.Series(
                        names.get(2),
                        report.overTime().stream().map(ResetReport.Bucket::failed).toList()))),
            rows));
    charts.add(
        bars(
            "chart-failed-reasons",
            "reports.chart.failedByReason",
            codes(report.failedByReason())));
    charts.add(
        bars("chart-reset-methods", "reports.chart.resetMethods", methods(report.byMethod())));
    charts.add(
        bars("chart-abandoned", "reports.chart.abandonedByStep", codes(report.abandonedByStep())));
    return charts;
  }

  /** Started, succeeded, failed: the columns of the over-time table and the lines' names. */
  List<String> seriesNames() {
    return List.of(text("reports.started"), text("reports.succeeded"), text("reports.failed"));
  }

  private Chart bars(String id, String key, List<Row> rows) {
    List<SvgChart.Bar> bars =
        rows.stream().map(r -> new SvgChart.Bar(r.label(), r.values().get(0))).toList();
    return new Chart(id, text(key), SvgChart.bars(id, texts(key), bars), rows);
  }

  private List<Row> methods(Map<String, Long> byMethod) {
    List<Row> rows = new ArrayList<>();
    byMethod.forEach(
        (code, n) ->
            rows.add(
                new Row(
                    messages.getMessage("methods.type." + code, null, code, locale), List.of(n))));
    return rows;
  }

  /** Reason codes and step names stay machine codes, as in the audit log, so admins can search. */
  private static List<Row> codes(Map<String, Long> counts) {
    List<Row> rows = new ArrayList<>();
    counts.forEach((code, n) -> rows.add(new Row(code, List.of(n))));
    return rows;
  }

  private SvgChart.Texts texts(String key) {
    return new SvgChart.Texts(text(key), text(key + ".desc"), text("reports.chart.empty"));
  }

  private String text(String key) {
    return messages.getMessage(key, null, locale);
  }
}
