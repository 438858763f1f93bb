package dev.rekey.reports.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.SignedInUser;
import dev.rekey.reports.RegistrationReport;
import dev.rekey.reports.ReportPeriod;
import dev.rekey.reports.Reports;
import dev.rekey.reports.ResetReport;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/reports/registration} and {@code .../resets?period=24h|7d|30d} (SPEC
 * Appendix A): the data behind the charts, as JSON or (with {@code Accept: text/csv} or {@code
 * ?format=csv}) as CSV. Helpdesk and admins, which the security configuration enforces for {@code
 * /api/v1/admin/**}; always the caller's own tenant (ASVS 5.0 8.2.2).
 */
@RestController
@RequestMapping("/api/v1/admin/reports")
class ReportsApiController {

  static final String CSV = "text/csv";

  private final Reports reports;

  ReportsApiController(Reports reports) {
    this.reports = reports;
  }

  @GetMapping(path = "/registration", produces = MediaType.APPLICATION_JSON_VALUE)
  RegistrationReport registration(@AuthenticationPrincipal SignedInUser user) {
    return reports.registration(user.tenantId());
  }

  @GetMapping(path = "/registration", produces = CSV)
  ResponseEntity<String> registrationCsv(@AuthenticationPrincipal SignedInUser user) {
    return csv("rekey-registration.csv", ReportCsv.registration(registration(user)));
  }

  @GetMapping(path = "/registration", params = "format=csv")
  ResponseEntity<String> registrationCsvByParameter(@AuthenticationPrincipal SignedInUser user) {
    return registrationCsv(user);
  }

  @GetMapping(path = "/resets", produces = MediaType.APPLICATION_JSON_VALUE)
  ResetReport resets(
      @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period) {
    return reports.resets(user.tenantId(), period(period));
  }

  @GetMapping(path = "/resets", produces = CSV)
  ResponseEntity<String> resetsCsv(
      @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period) {
    ReportPeriod parsed = period(period);
    return csv(
        "rekey-resets-" + parsed.code() + ".csv",
        ReportCsv.resets(reports.resets(user.tenantId(), parsed)));
  }

  @GetMapping(path = "/resets", params = "format=csv")
  ResponseEntity<String> resetsCsvByParameter(
      @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period) {
    return resetsCsv(user, period);
  }

  /** Absent means 7 days; anything else than the three periods is a 400 naming the field. */
  static ReportPeriod period(@Nullable String value) {
    if (value == null) {
      return ReportPeriod.DAYS_7;
    }
    return ReportPeriod.fromCode(value)
        .orElseThrow(() -> ApiProblem.invalidField("period", "reports.period.invalid"));
  }

  private static ResponseEntity<String> csv(String filename, String body) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8;header=present"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }
}
