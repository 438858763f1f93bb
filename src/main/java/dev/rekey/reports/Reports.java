package dev.rekey.reports;

import java.util.UUID;

/** The reports of SPEC §8 for one tenant, computed from the stored data at the current time. */
public interface Reports {

  RegistrationReport registration(UUID tenantId);

  ResetReport resets(UUID tenantId, ReportPeriod period);
}
