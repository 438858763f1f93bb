package dev.rekey.methods.phone;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The countries that may receive text messages and calls, by country calling code. Limiting them is
 * the main defence against SMS pumping (SPEC §5.1; OWASP "SMS pumping" / toll fraud): attackers
 * request codes to premium ranges abroad and share the revenue. Note that {@code 1} covers the
 * whole North American Numbering Plan, Caribbean islands included.
 */
public final class CountryAllowList {

  private static final CountryAllowList ALL = new CountryAllowList(Set.of());

  private final Set<String> allowed;

  /**
   * @param allowedCountryCallingCodes codes such as {@code 31} or {@code +31}; empty allows every
   *     assigned code
   * @throws IllegalArgumentException when a code is not an assigned country calling code
   */
  public CountryAllowList(Set<String> allowedCountryCallingCodes) {
    this.allowed =
        allowedCountryCallingCodes.stream()
            .map(String::strip)
            .map(code -> code.startsWith("+") ? code.substring(1) : code)
            .map(CountryAllowList::requireAssigned)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The list that allows every country. */
  public static CountryAllowList all() {
    return ALL;
  }

  /** Whether a text message or call may go to this number. */
  public boolean allows(PhoneNumber number) {
    return allowed.isEmpty() || allowed.contains(number.countryCallingCode());
  }

  /** The allowed codes without {@code +}; empty when every country is allowed. */
  public Set<String> countryCallingCodes() {
    return allowed;
  }

  private static String requireAssigned(String code) {
    if (!CountryCallingCodes.isAssigned(code)) {
      throw new IllegalArgumentException("not an assigned country calling code: " + code);
    }
    return code;
  }
}
