package dev.rekey.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Audit settings ({@code rekey.audit.*}).
 *
 * @param timeZone the zone the admin page shows times in, and in which a date filter such as {@code
 *     from=2026-11-05} starts and ends
 * @param csvMaxRows the most rows one CSV export holds
 */
@Validated
@ConfigurationProperties("rekey.audit")
public record AuditProperties(
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("100000") @Min(1) @Max(1_000_000) int csvMaxRows) {}
