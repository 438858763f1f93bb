package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds the account an admin API path names, by user ID (UPN) or account id, in the operator's own
 * tenant only. An account of another tenant answers exactly like an unknown one, so operators
 * cannot learn about other organisations (ASVS 5.0 §8.2.2: data access restricted to the tenant).
 */
@Component
class TenantAccounts {

  private final AccountDirectory directory;

  TenantAccounts(AccountDirectory directory) {
    this.directory = directory;
  }

  /**
   * @throws ApiProblem 404 {@code not_found} when there is no such account in the operator's tenant
   */
  Account require(SignedInUser operator, String userId) {
    return lookup(operator, userId)
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not_found"));
  }

  /** The account in the operator's tenant, or empty (also for another tenant's account). */
  Optional<Account> lookup(SignedInUser operator, String userId) {
    return find(userId).filter(a -> a.tenantId().equals(operator.tenantId()));
  }

  private Optional<Account> find(String userId) {
    String id = userId.strip();
    if (id.isEmpty() || id.length() > 320) {
      return Optional.empty();
    }
    if (id.indexOf('@') < 0) {
      try {
        return directory.findById(UUID.fromString(id));
      } catch (IllegalArgumentException notAnId) {
        return Optional.empty();
      }
    }
    return directory.findByUserId(id);
  }
}
