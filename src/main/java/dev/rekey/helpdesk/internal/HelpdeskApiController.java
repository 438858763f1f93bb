package dev.rekey.helpdesk.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.helpdesk.HelpdeskRequests.Status;
import dev.rekey.helpdesk.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/helpdesk-requests}: the operator's tenant's "contact an administrator"
 * requests, newest first, and marking one handled. Helpdesk and admins only, which the security
 * configuration enforces for {@code /api/v1/admin/**}.
 */
@RestController
@RequestMapping("/api/v1/admin/helpdesk-requests")
class HelpdeskApiController {

  record Item(
      UUID id,
      UUID accountId,
      @Nullable String userId,
      @Nullable String displayName,
      @Nullable UUID flowId,
      String reason,
      String clientIp,
      String userAgent,
      String status,
      Instant createdAt,
      @Nullable String handledBy,
      @Nullable Instant handledAt) {}

  record ItemPage(List<Item> items, int page, int size, long totalItems) {}

  private final HelpdeskRequests requests;
  private final AccountDirectory directory;

  private final ClientAddress clientAddress;

  HelpdeskApiController(
      HelpdeskRequests requests, AccountDirectory directory, ClientAddress clientAddress) {
    this.requests = requests;
    this.directory = directory;
    this.clientAddress = clientAddress;
  }

  @GetMapping
  ItemPage list(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size) {
    Status wanted =
        blank(status)
            ? null
            : Status.fromCode(status)
                .orElseThrow(() -> ApiProblem.invalidField("status", "helpdesk.invalid.status"));
    int pageNumber = number(page, 0, 0, Integer.MAX_VALUE / HelpdeskRequests.MAX_PAGE_SIZE, "page");
    int pageSize =
        number(size, HelpdeskRequests.DEFAULT_PAGE_SIZE, 1, HelpdeskRequests.MAX_PAGE_SIZE, "size");
    Page<HelpdeskRequest> found = requests.list(operator.tenantId(), wanted, pageNumber, pageSize);
    Map<UUID, Optional<Account>> accounts = new HashMap<>();
    List<Item> items = found.items().stream().map(r -> item(r, accounts)).toList();
    return new ItemPage(items, found.page(), found.size(), found.totalItems());
  }

  @PostMapping("/{id}/handled")
  ResponseEntity<Void> handled(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request) {
    UUID requestId;
    try {
      requestId = UUID.fromString(id.strip());
    } catch (IllegalArgumentException notAnId) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found");
    }
    if (!requests.markHandled(
        operator.tenantId(), requestId, operator.accountId(), clientAddress.origin(request))) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found");
    }
    return ResponseEntity.noContent().build();
  }

  private Item item(HelpdeskRequest r, Map<UUID, Optional<Account>> accounts) {
    Optional<Account> user = accounts.computeIfAbsent(r.accountId(), directory::findById);
    Optional<Account> handler =
        r.handledBy() == null
            ? Optional.empty()
            : accounts.computeIfAbsent(r.handledBy(), directory::findById);
    return new Item(
        r.id(),
        r.accountId(),
        user.map(Account::upn).orElse(null),
        user.map(Account::displayName).orElse(null),
        r.flowId(),
        r.reason(),
        r.clientIp(),
        r.userAgent(),
        r.status().code(),
        r.createdAt(),
        handler.map(Account::upn).orElse(null),
        r.handledAt());
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static int number(@Nullable String value, int fallback, int min, int max, String field) {
    if (blank(value)) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiProblem.invalidField(field, "helpdesk.invalid." + field);
  }
}
