package dev.rekey.reset.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the reset portal ({@code rekey.reset.*}).
 *
 * @param flowLifetime how long a flow lives after it starts (SPEC §5: 15 minutes)
 * @param refusalTime every refusal at the start takes at least this long, so the time taken does
 *     not tell an unknown account from one that is not enabled or not registered (SPEC §6.4; ASVS
 *     5.0 §6.3.8 on enumeration through response times). It must exceed the slowest refusal path.
 */
@Validated
@ConfigurationProperties("rekey.reset")
record ResetProperties(
    @NotNull @DefaultValue("15m") Duration flowLifetime,
    @NotNull @DefaultValue("250ms") Duration refusalTime) {}
