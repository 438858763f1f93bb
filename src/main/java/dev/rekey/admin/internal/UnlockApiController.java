package dev.rekey.admin.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/users/{userId}/unlock}: unlock the account and lift SSPR blocks (SPEC
 * Appendix A). {@code userId} is the UPN or the account id. Helpdesk and admins only, which the
 * security configuration enforces for {@code /api/v1/admin/**}; only accounts of the operator's own
 * tenant (404 otherwise).
 */
@RestController
class UnlockApiController {

  private final TenantAccounts accounts;
  private final AccountUnlock unlock;
  private final ClientAddress clientAddress;

  UnlockApiController(TenantAccounts accounts, AccountUnlock unlock, ClientAddress clientAddress) {
    this.accounts = accounts;
    this.unlock = unlock;
    this.clientAddress = clientAddress;
  }

  @PostMapping("/api/v1/admin/users/{userId}/unlock")
  ResponseEntity<Void> unlock(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String userId,
      HttpServletRequest request) {
    unlock.unlock(operator, accounts.require(operator, userId), clientAddress.origin(request));
    return ResponseEntity.noContent().build();
  }
}
