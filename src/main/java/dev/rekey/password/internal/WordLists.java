package dev.rekey.password.internal;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The word lists shipped with Rekey, loaded once: the global banned terms ({@code
 * password/banned-terms.txt}) and the common passwords that ship with zxcvbn (its 30,000 most
 * frequent passwords from leaks).
 */
@Component
class WordLists {

  static final String BANNED_TERMS = "password/banned-terms.txt";

  private final TermIndex globalTerms;
  private final Set<String> commonPasswords;

  WordLists() {
    this.globalTerms = TermIndex.of(bannedTerms());
    this.commonPasswords = commonPasswords();
  }

  TermIndex globalTerms() {
    return globalTerms;
  }

  /**
   * Whether the whole password is a common one, compared in lower case and normalised ({@code
   * P@ssw0rd} is {@code password}). NIST SP 800-63B-4 §3.1.1.2: compare against a blocklist of
   * commonly used and compromised values.
   */
  boolean isCommon(String password) {
    return commonPasswords.contains(password.toLowerCase(Locale.ROOT))
        || commonPasswords.contains(PasswordNormaliser.normaliseToString(password));
  }

  /** The global banned terms, one per line; blank lines and {@code #} comments skipped. */
  static List<String> bannedTerms() {
    InputStream in = WordLists.class.getClassLoader().getResourceAsStream(BANNED_TERMS);
    if (in == null) {
      throw new IllegalStateException("Missing " + BANNED_TERMS);
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> commonPasswords() {
    try {
      return new HashSet<>(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies());
    } catch (IOException e) {
      throw new UncheckedIOException("zxcvbn's password dictionary cannot be read", e);
    }
  }
}
