package dev.rekey.password.internal;

import static dev.rekey.password.PasswordRejection.BANNED;
import static dev.rekey.password.PasswordRejection.BREACHED;
import static dev.rekey.password.PasswordRejection.CHARACTER_CLASSES;
import static dev.rekey.password.PasswordRejection.COMMON;
import static dev.rekey.password.PasswordRejection.REUSED;
import static dev.rekey.password.PasswordRejection.TOO_LONG;
import static dev.rekey.password.PasswordRejection.TOO_SHORT;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.password.PasswordPolicy;
import dev.rekey.password.PasswordRejection;
import dev.rekey.password.PasswordVerdict;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The rules of SPEC §7, in the order their reasons are reported. */
@Service
class DefaultPasswordPolicy implements PasswordPolicy {

  /**
   * NIST SP 800-63B-4 §3.1.1.2: verifiers should allow at least 64 characters; 256 is the SPEC's
   * maximum, counted in code points and never truncated.
   */
  static final int MAX_LENGTH = 256;

  private final SsprPolicies policies;
  private final Tenants tenants;
  private final AccountDirectory directory;
  private final WordLists wordLists;
  private final CustomTerms customTerms;
  private final BreachedPasswords breached;
  private final PasswordStrength strength;

  DefaultPasswordPolicy(
      SsprPolicies policies,
      Tenants tenants,
      AccountDirectory directory,
      WordLists wordLists,
      CustomTerms customTerms,
      BreachedPasswords breached,
      PasswordStrength strength) {
    this.policies = policies;
    this.tenants = tenants;
    this.directory = directory;
    this.wordLists = wordLists;
    this.customTerms = customTerms;
    this.breached = breached;
    this.strength = strength;
  }

  @Override
  public PasswordVerdict check(Account account, String password) {
    return evaluate(account, password, true);
  }

  @Override
  public PasswordVerdict preview(Account account, String password) {
    return evaluate(account, password, false);
  }

  @Override
  public int minimumLength(UUID tenantId) {
    return minimumLength(policies.get(tenantId));
  }

  private static int minimumLength(SsprPolicy policy) {
    return Math.max(
        SsprPolicy.DEFAULT_PASSWORD_MIN_LENGTH,
        Math.min(policy.passwordMinLength(), SsprPolicy.MAX_PASSWORD_MIN_LENGTH));
  }

  private PasswordVerdict evaluate(Account account, String password, boolean history) {
    SsprPolicy policy = policies.get(account.tenantId());
    List<PasswordRejection> reasons = new ArrayList<>();
    int length = password.codePointCount(0, password.length());
    int minimum = minimumLength(policy);
    if (length < minimum) {
      reasons.add(PasswordRejection.of(TOO_SHORT, minimum));
    }
    if (length > MAX_LENGTH) {
      // Nothing else is worth computing for a password that cannot be set anyway.
      reasons.add(PasswordRejection.of(TOO_LONG, MAX_LENGTH));
      return PasswordVerdict.of(0, reasons);
    }
    if (policy.requireCharacterClasses()
        && CharacterClasses.count(password) < CharacterClasses.REQUIRED) {
      reasons.add(PasswordRejection.of(CHARACTER_CLASSES));
    }
    if (length == 0) {
      return PasswordVerdict.of(0, reasons);
    }
    @Nullable String tenantName =
        tenants.findById(account.tenantId()).map(Tenant::name).orElse(null);
    if (wordLists.isCommon(password)) {
      reasons.add(PasswordRejection.of(COMMON));
    }
    BannedPasswords.Result banned =
        BannedPasswords.evaluate(
            password,
            wordLists.globalTerms(),
            customTerms.index(policy.customBannedPasswords()),
            names(account, tenantName));
    // A short password without any banned term scores below 5 too; "too short" says it better.
    if (!banned.acceptable() && banned.termsFound() > 0) {
      reasons.add(PasswordRejection.of(BANNED));
    }
    if (breached.isBreached(password)) {
      reasons.add(PasswordRejection.of(BREACHED));
    }
    if (history
        && account.passwordAuthority() == PasswordAuthority.REKEY
        && directory.isRecentPassword(account.id(), password)) {
      reasons.add(PasswordRejection.of(REUSED));
    }
    return PasswordVerdict.of(strength.score(password, userInputs(account, tenantName)), reasons);
  }

  /** First name, last name and the tenant's name, whole and word by word (SPEC §7). */
  static Set<String> names(Account account, @Nullable String tenantName) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : new String[] {account.firstName(), account.lastName(), tenantName}) {
      if (name != null && !name.isBlank()) {
        names.add(name.strip());
        names.addAll(List.of(name.strip().split("[\\s\\p{Punct}]+")));
      }
    }
    return names;
  }

  /** What zxcvbn should treat as guessable for this user: names, user ID and tenant. */
  private static List<String> userInputs(Account account, @Nullable String tenantName) {
    List<String> inputs = new ArrayList<>(names(account, tenantName));
    inputs.add(account.displayName());
    inputs.add(account.upn());
    int at = account.upn().indexOf('@');
    if (at > 0) {
      inputs.add(account.upn().substring(0, at));
    }
    return inputs;
  }
}
