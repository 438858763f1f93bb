package dev.rekey.admin.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.helpdesk.HelpdeskRequests.Status;
import dev.rekey.helpdesk.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/helpdesk}: the helpdesk inbox of "contact an administrator" requests, open or
 * handled, with the user's account context and the two things an operator does from a row: unlock
 * the account (and lift an SSPR block) and mark the request handled, both audited. Helpdesk and
 * admins (the security configuration guards {@code /admin/**}); only the operator's own tenant.
 */
@Controller
@RequestMapping("/admin/helpdesk")
class HelpdeskInboxController {

  static final String VIEW = "admin/helpdesk";
  static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200, 500);

  private final HelpdeskRequests requests;
  private final InboxRows rows;
  private final AccountDirectory directory;
  private final AccountUnlock unlock;
  private final ClientAddress clientAddress;

  HelpdeskInboxController(
      HelpdeskRequests requests,
      InboxRows rows,
      AccountDirectory directory,
      AccountUnlock unlock,
      ClientAddress clientAddress) {
    this.requests = requests;
    this.rows = rows;
    this.directory = directory;
    this.unlock = unlock;
    this.clientAddress = clientAddress;
  }

  /** A malformed status, page or size shows the first page of open requests: nothing to report. */
  @GetMapping
  String inbox(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      Locale locale,
      Model model) {
    Status shown = status == null ? Status.OPEN : Status.fromCode(status).orElse(Status.OPEN);
    int pageSize =
        number(size, HelpdeskRequests.DEFAULT_PAGE_SIZE, 1, HelpdeskRequests.MAX_PAGE_SIZE);
    int pageNumber = number(page, 0, 0, Integer.MAX_VALUE / HelpdeskRequests.MAX_PAGE_SIZE);
    Page<HelpdeskRequest> found = requests.list(operator.tenantId(), shown, pageNumber, pageSize);
    long lastPage = Math.max(0, (found.totalItems() - 1) / pageSize);
    model.addAttribute("status", shown.code());
    model.addAttribute("open", shown == Status.OPEN);
    model.addAttribute("openCount", count(operator, Status.OPEN));
    model.addAttribute("handledCount", count(operator, Status.HANDLED));
    model.addAttribute("page", found);
    model.addAttribute("lastPage", lastPage);
    model.addAttribute("rows", rows.rows(found.items(), locale));
    model.addAttribute("pageSizes", PAGE_SIZES);
    model.addAttribute(
        "previousUrl", pageNumber > 0 ? link(shown, pageNumber - 1, pageSize) : null);
    model.addAttribute(
        "nextUrl", pageNumber < lastPage ? link(shown, pageNumber + 1, pageSize) : null);
    return VIEW;
  }

  @PostMapping("/{id}/handled")
  String handled(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    HelpdeskRequest found = require(operator, id);
    requests.markHandled(
        operator.tenantId(), found.id(), operator.accountId(), clientAddress.origin(request));
    redirect.addFlashAttribute("notice", "inbox.notice.handled");
    redirect.addFlashAttribute("noticeUser", userLabel(found.accountId()));
    return "redirect:/admin/helpdesk";
  }

  /** Unlocks the requester's account and lifts any SSPR block, as the admin API does (audited). */
  @PostMapping("/{id}/unlock")
  String unlock(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    HelpdeskRequest found = require(operator, id);
    Account account =
        directory
            .findById(found.accountId())
            .filter(a -> a.tenantId().equals(operator.tenantId()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    unlock.unlock(operator, account, clientAddress.origin(request));
    redirect.addFlashAttribute("notice", "inbox.notice.unlocked");
    redirect.addFlashAttribute("noticeUser", account.displayName() + " (" + account.upn() + ")");
    return "redirect:/admin/helpdesk";
  }

  /** The operator's tenant's request; another tenant's answers exactly like an unknown one. */
  private HelpdeskRequest require(SignedInUser operator, String id) {
    Optional<UUID> requestId;
    try {
      requestId = Optional.of(UUID.fromString(id.strip()));
    } catch (IllegalArgumentException notAnId) {
      requestId = Optional.empty();
    }
    return requestId
        .flatMap(r -> requests.find(operator.tenantId(), r))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private String userLabel(UUID accountId) {
    return directory
        .findById(accountId)
        .map(a -> a.displayName() + " (" + a.upn() + ")")
        .orElse(accountId.toString());
  }

  private long count(SignedInUser operator, Status status) {
    return requests.list(operator.tenantId(), status, 0, 1).totalItems();
  }

  private static String link(Status status, int page, int size) {
    return "/admin/helpdesk?status=" + status.code() + "&size=" + size + "&page=" + page;
  }

  private static int number(@Nullable String value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    String text = value.strip();
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return fallback;
    }
    int number = Integer.parseInt(text);
    return number < min || number > max ? fallback : number;
  }
}
