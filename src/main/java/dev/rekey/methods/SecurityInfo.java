package dev.rekey.methods;

import dev.rekey.directory.Account;
import java.util.List;
import java.util.UUID;

/** What other modules (reset portal, admin console) may know about a user's security info. */
public interface SecurityInfo {

  /** The user's active methods, default first, then oldest first. Masked; never secrets. */
  List<RegisteredMethod> methods(UUID accountId);

  /** Whether the user meets the policy, and what they may register. */
  Requirements requirements(Account account);
}
