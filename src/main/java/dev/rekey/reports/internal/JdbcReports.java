package dev.rekey.reports.internal;

import dev.rekey.reports.RegistrationReport;
import dev.rekey.reports.ReportPeriod;
import dev.rekey.reports.Reports;
import dev.rekey.reports.ResetReport;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reports, each read in one read-only transaction so its numbers agree with each other. */
@Service
class JdbcReports implements Reports {

  private final RegistrationQueries registration;
  private final ResetQueries resets;

  JdbcReports(RegistrationQueries registration, ResetQueries resets) {
    this.registration = registration;
    this.resets = resets;
  }

  @Override
  @Transactional(readOnly = true)
  public RegistrationReport registration(UUID tenantId) {
    return registration.report(tenantId);
  }

  @Override
  @Transactional(readOnly = true)
  public ResetReport resets(UUID tenantId, ReportPeriod period) {
    return resets.report(tenantId, period);
  }
}
