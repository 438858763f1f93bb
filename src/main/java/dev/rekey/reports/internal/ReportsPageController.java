package dev.rekey.reports.internal;

import dev.rekey.directory.SignedInUser;
import dev.rekey.reports.RegistrationReport;
import dev.rekey.reports.ReportPeriod;
import dev.rekey.reports.Reports;
import dev.rekey.reports.ResetReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/reports}: registration coverage and reset activity as SVG charts, each with its
 * numbers in a table, a period switch and CSV downloads. Helpdesk and admins of the signed-in
 * tenant (the security configuration guards {@code /admin/**}).
 */
@Controller
class ReportsPageController {

  static final String VIEW = "reports/reports";

  /** One chart and the table of its numbers. */
  record Chart(String id, String title, String svg, List<Row> rows) {}

  /** A row of a chart's table: a label and one or more numbers. */
  record Row(String label, List<Long> values) {}

  private final Reports reports;
  private final MessageSource messages;

  ReportsPageController(Reports reports, MessageSource messages) {
    this.reports = reports;
    this.messages = messages;
  }

  @GetMapping("/admin/reports")
  String reports(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) @Nullable String period,
      Locale locale,
      Model model) {
    // Only the three links set the period; anything else shows the default rather than an error.
    ReportPeriod chosen =
        period == null
            ? ReportPeriod.DAYS_7
            : ReportPeriod.fromCode(period).orElse(ReportPeriod.DAYS_7);
    RegistrationReport registration = reports.registration(user.tenantId());
    ResetReport resets = reports.resets(user.tenantId(), chosen);
    ReportCharts charts = new ReportCharts(messages, locale);
    model.addAttribute("periods", List.of(ReportPeriod.values()));
    model.addAttribute("period", chosen);
    model.addAttribute("registration", registration);
    model.addAttribute("resets", resets);
    model.addAttribute("registrationCharts", charts.registration(registration));
    model.addAttribute("resetCharts", charts.resets(resets, chosen));
    model.addAttribute("seriesNames", charts.seriesNames());
    model.addAttribute(
        "csv",
        Map.of(
            "registration",
            "/api/v1/admin/reports/registration?format=csv",
            "resets",
            "/api/v1/admin/reports/resets?period=" + chosen.code() + "&format=csv"));
    return VIEW;
  }
}
