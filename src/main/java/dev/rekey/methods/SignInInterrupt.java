package dev.rekey.methods;

import dev.rekey.directory.Account;
import java.util.Optional;

/**
 * Where a user goes right after signing in, before the page they asked for: the registration wizard
 * when the policy requires registration and they are not registered (they may skip), or the review
 * page when their security info is due for reconfirmation (SPEC §3, §4).
 */
public interface SignInInterrupt {

  Optional<String> after(Account account);
}
