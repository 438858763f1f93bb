package dev.rekey.password;

import dev.rekey.directory.Account;
import java.util.UUID;

/**
 * The password policy of SPEC §7. Every rule is evaluated and every broken one reported, so the
 * strength meter can explain everything before the user submits.
 */
public interface PasswordPolicy {

  /**
   * Checks a proposed new password for this account against the tenant's policy (SPEC §7): length,
   * character classes (when the policy asks), common passwords, banned terms and names, the
   * breached-password list (when configured) and, for {@code rekey} accounts, the history.
   */
  PasswordVerdict check(Account account, String password);

  /**
   * As {@link #check}, without the history rule: for the live strength meter. History compares the
   * password with several Argon2id hashes (about 50 ms each); doing that on every keystroke would
   * let one typing user burn a core, and would turn the meter into an oracle for old passwords.
   * Submitting a password always goes through {@link #check}.
   */
  PasswordVerdict preview(Account account, String password);

  /**
   * The tenant's minimum length in code points (8–15), for hints such as "at least 8 characters".
   */
  int minimumLength(UUID tenantId);
}
