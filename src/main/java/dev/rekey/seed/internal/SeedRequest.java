package dev.rekey.seed.internal;

import dev.rekey.seed.SeededAccounts;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A checked seeding request.
 *
 * @param accounts 1 to {@value SeededAccounts#MAX_ACCOUNTS}
 * @param domain a lower-case DNS name with at least two labels
 */
record SeedRequest(int accounts, String domain, String password) {

  /** A host name (RFC 1123 labels) with a letters-only top-level label, 4 to 253 characters. */
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  /**
   * Checks the operator's input.
   *
   * @throws SeedRefused with a message naming the wrong setting
   */
  static SeedRequest of(long accounts, String domain, String password) {
    if (accounts <= 0 || accounts > SeededAccounts.MAX_ACCOUNTS) {
      throw new SeedRefused(
          "rekey.seed.accounts must be between 1 and "
              + SeededAccounts.MAX_ACCOUNTS
              + ", was "
              + accounts);
    }
    String normalised = domain.strip().toLowerCase(Locale.ROOT);
    if (!DOMAIN.matcher(normalised).matches()) {
      throw new SeedRefused(
          "rekey.seed.domain must be a domain name such as scale.example, was '" + domain + "'");
    }
    if (password.isBlank() || password.length() > 256) {
      throw new SeedRefused("rekey.seed.password must be 1-256 characters");
    }
    return new SeedRequest((int) accounts, normalised, password);
  }
}
