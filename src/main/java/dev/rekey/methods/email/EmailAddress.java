package dev.rekey.methods.email;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address as users may register it as an alternate email: a pragmatic subset of RFC
 * 5321/5322 (a dot-atom local part of at most 64 characters, a domain name of at least two labels
 * with a letter-only or {@code xn--} top level, at most 254 characters in all, as RFC 5321 §4.5.3.1
 * and its errata allow). Quoted local parts, comments and IP-address literals are refused: no mail
 * system a user would name needs them. The domain is kept in lower case, the local part as typed.
 */
public record EmailAddress(String localPart, String domain) {

  public static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL_LENGTH = 64;
  static final int MAX_HINT_LENGTH = 128;
  static final String MASK = "•••";

  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

  /** Why a text is not an address we accept. */
  public enum Problem {
    MISSING,
    TOO_LONG,
    INVALID
  }

  /** The outcome of {@link #parse}: an address or a problem. */
  public record Parsed(Optional<EmailAddress> address, Optional<Problem> problem) {}

  /** Parses what a user typed; surrounding spaces are ignored. */
  public static Parsed parse(String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      return refused(Problem.MISSING);
    }
    if (value.length() > MAX_LENGTH) {
      return refused(Problem.TOO_LONG);
    }
    int at = value.lastIndexOf('@');
    if (at < 1 || at == value.length() - 1) {
      return refused(Problem.INVALID);
    }
    String local = value.substring(0, at);
    String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
    if (local.length() > MAX_LOCAL_LENGTH || !LOCAL.matcher(local).matches() || !isDomain(domain)) {
      return refused(Problem.INVALID);
    }
    return new Parsed(Optional.of(new EmailAddress(local, domain)), Optional.empty());
  }

  private static boolean isDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2 || domain.length() > MAX_LENGTH - 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
  }

  private static Parsed refused(Problem problem) {
    return new Parsed(Optional.empty(), Optional.of(problem));
  }

  /** The address to send to: local part as typed, domain in lower case. */
  public String value() {
    return localPart + "@" + domain;
  }

  /**
   * The tenant domain this address is in, if any: one of {@code domains} itself or a subdomain of
   * one ({@code x@sub.contoso.com} is in {@code contoso.com}).
   */
  public Optional<String> inDomainOf(Collection<String> domains) {
    return domains.stream()
        .map(d -> d.toLowerCase(Locale.ROOT))
        .filter(d -> domain.equals(d) || domain.endsWith("." + d))
        .findFirst();
  }

  /**
   * What users and admins see: {@code m•••@fabrikam.example}. Only the first character of the local
   * part is shown; a domain too long for the hint column is shortened at its start.
   */
  public String masked() {
    String prefix = localPart.substring(0, 1) + MASK + "@";
    String shown = domain;
    if (prefix.length() + shown.length() > MAX_HINT_LENGTH) {
      shown = "…" + domain.substring(domain.length() - (MAX_HINT_LENGTH - prefix.length() - 1));
    }
    return prefix + shown;
  }

  /** The address never appears in logs or exceptions by accident. */
  @Override
  public String toString() {
    return masked();
  }
}
