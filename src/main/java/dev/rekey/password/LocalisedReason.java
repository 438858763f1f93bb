package dev.rekey.password;

/**
 * A reason a password was refused, as the API shows it: {@code {code, message}} (SPEC Appendix A).
 *
 * @param code the {@link PasswordRejection#code()}
 * @param message the reason in the user's language
 */
public record LocalisedReason(String code, String message) {}
