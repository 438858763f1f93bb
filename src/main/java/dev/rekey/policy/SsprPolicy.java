package dev.rekey.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's self-service password reset policy: the policy document of SPEC §3 and Appendix A.
 * Field names match the JSON document. {@link SsprPolicies} checks the ranges before storing one.
 *
 * @param selectedGroup the group whose members (nested groups included) may reset, when {@code
 *     enabledFor} is {@code selected}
 * @param reconfirmDays days before users are asked to review their security info; 0 = never
 * @param helpdeskLink a http(s) URL or an email address shown instead of "contact an
 *     administrator"; {@code null} = none
 * @param customBannedPasswords the tenant's own banned password terms (SPEC §7)
 * @param passwordMinLength the fewest characters (code points) a new password may have, 8–15 (SPEC
 *     §7; NIST SP 800-63B-4 §3.1.1.2 asks for at least 8)
 * @param requireCharacterClasses whether new passwords need three of four character classes, for
 *     Entra compatibility; off by default, as NIST SP 800-63B-4 §3.1.1.2 advises against
 *     composition rules
 */
public record SsprPolicy(
    EnabledFor enabledFor,
    @Nullable UUID selectedGroup,
    Set<AuthMethodType> methodsAvailable,
    int methodsRequiredToReset,
    int questionsRequiredToRegister,
    int questionsRequiredToReset,
    List<String> predefinedQuestionIds,
    List<CustomQuestion> customQuestions,
    boolean requireRegistrationAtSignIn,
    int reconfirmDays,
    boolean notifyUsersOnReset,
    boolean notifyAdminsOnAdminReset,
    @Nullable String helpdeskLink,
    boolean writebackEnabled,
    boolean allowUnlockWithoutReset,
    boolean uniformResponses,
    List<String> customBannedPasswords,
    int passwordMinLength,
    boolean requireCharacterClasses) {

  /** The default and lowest minimum password length (SPEC §7). */
  public static final int DEFAULT_PASSWORD_MIN_LENGTH = 8;

  /** The highest minimum length an admin may set (SPEC §7). */
  public static final int MAX_PASSWORD_MIN_LENGTH = 15;

  public SsprPolicy {
    methodsAvailable = enumSet(methodsAvailable);
    predefinedQuestionIds = List.copyOf(predefinedQuestionIds);
    customQuestions = List.copyOf(customQuestions);
    customBannedPasswords = List.copyOf(customBannedPasswords);
  }

  /**
   * The policy of a new tenant (SPEC §3). Safe by default: nobody enabled until an admin decides,
   * and no security questions (OWASP ASVS 5.0 §6.4.2 and NIST SP 800-63B-4 reject knowledge-based
   * answers).
   */
  public static SsprPolicy defaults() {
    return new SsprPolicy(
        EnabledFor.NONE,
        null,
        EnumSet.of(
            AuthMethodType.SOFTWARE_OATH,
            AuthMethodType.MOBILE_SMS,
            AuthMethodType.EMAIL,
            AuthMethodType.FIDO2),
        1,
        3,
        3,
        List.of(),
        List.of(),
        true,
        180,
        true,
        true,
        null,
        true,
        true,
        false,
        List.of(),
        DEFAULT_PASSWORD_MIN_LENGTH,
        false);
  }

  public boolean offers(AuthMethodType method) {
    return methodsAvailable.contains(method);
  }

  /** How many security questions users can choose from: predefined plus custom. */
  public int questionsDefined() {
    return predefinedQuestionIds.size() + customQuestions.size();
  }

  /** The helpdesk link as an {@code href}: the URL itself, or {@code mailto:} and the address. */
  public @Nullable String helpdeskHref() {
    if (helpdeskLink == null) {
      return null;
    }
    String lower = helpdeskLink.toLowerCase(Locale.ROOT);
    boolean web = lower.startsWith("http://") || lower.startsWith("https://");
    return web ? helpdeskLink : "mailto:" + helpdeskLink;
  }

  private static Set<AuthMethodType> enumSet(Collection<AuthMethodType> methods) {
    EnumSet<AuthMethodType> set = EnumSet.noneOf(AuthMethodType.class);
    methods.stream().filter(Objects::nonNull).forEach(set::add);
    return Collections.unmodifiableSet(set);
  }
}
