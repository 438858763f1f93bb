package dev.rekey.methods.phone;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Text-message and phone-call settings ({@code rekey.phone.*}), the SMS-pumping protection of SPEC
 * §5.1. Checked at start-up: an allow-list entry that is not an assigned country calling code stops
 * the application.
 *
 * @param allowedCountries country calling codes that may receive codes ({@code 31}, {@code +44});
 *     empty allows every assigned geographic code
 * @param tenantHourlyBudget messages and calls per tenant per clock hour
 * @param globalHourlyBudget messages and calls over all tenants per clock hour
 * @param userHourlyBudget messages and calls per account per clock hour
 */
@Validated
@ConfigurationProperties("rekey.phone")
public record PhoneProperties(
    @DefaultValue List<String> allowedCountries,
    @DefaultValue("100") @Min(1) @Max(10_000_000) int tenantHourlyBudget,
    @DefaultValue("1000") @Min(1) @Max(100_000_000) int globalHourlyBudget,
    @DefaultValue("5") @Min(1) @Max(10_000) int userHourlyBudget) {

  public PhoneProperties {
    allowedCountries =
        allowedCountries.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
    // Fail at start-up, not when the first code is sent (STYLE.md: configuration).
    new CountryAllowList(Set.copyOf(allowedCountries));
  }

  /** The allow-list these settings describe. */
  public CountryAllowList allowList() {
    return new CountryAllowList(Set.copyOf(allowedCountries));
  }
}
