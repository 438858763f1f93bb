package dev.rekey.methods.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security info page: list, default, delete (SPEC §4). */
@Controller
class SecurityInfoController {

  static final String VIEW = "methods/security-info";
  static final String DELETE_VIEW = "methods/delete";
  static final String PAGE = "/security-info";

  private final DefaultSecurityInfo info;
  private final SecurityInfoChanges changes;
  private final ChangeGuard guard;
  private final AccountDirectory directory;
  private final ClientAddress clientAddress;
  private final List<MethodRegistrar> registrars;

  SecurityInfoController(
      DefaultSecurityInfo info,
      SecurityInfoChanges changes,
      ChangeGuard guard,
      AccountDirectory directory,
      ClientAddress clientAddress,
      List<MethodRegistrar> registrars) {
    this.registrars = registrars;
    this.info = info;
    this.changes = changes;
    this.guard = guard;
    this.directory = directory;
    this.clientAddress = clientAddress;
  }

  @GetMapping(PAGE)
  String page(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
    // Ceremonies return to the page they were started from: here, not the wizard.
    Wizard.leave(session);
    var account = directory.findById(user.accountId()).orElseThrow();
    model.addAttribute("methods", info.methods(user.accountId()));
    var requirements = info.requirements(account);
    model.addAttribute("requirements", requirements);
    model.addAttribute(
        "addOptions",
        registrars.stream()
            .filter(r -> requirements.availableTypes().contains(r.type()))
            .sorted(Comparator.comparingInt(MethodRegistrar::order))
            .toList());
    return VIEW;
  }

  @PostMapping(PAGE + "/default")
  String makeDefault(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "methodId", required = false) @Nullable UUID methodId,
      HttpSession session,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, PAGE);
    if (gate != null) {
      return gate;
    }
    boolean changed =
        methodId != null
            && changes.makeDefault(user.accountId(), methodId, clientAddress.origin(request));
    redirect.addFlashAttribute("notice", changed ? "methods.default.changed" : "methods.notFound");
    return "redirect:" + PAGE;
  }

  @GetMapping(PAGE + "/methods/{id}/delete")
  String confirmDelete(
      @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
    var method = info.methods(user.accountId()).stream().filter(m -> m.id().equals(id)).findFirst();
    if (method.isEmpty()) {
      return "redirect:" + PAGE;
    }
    model.addAttribute("method", method.get());
    return DELETE_VIEW;
  }

  @PostMapping(PAGE + "/methods/{id}/delete")
  String delete(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID id,
      HttpSession session,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, PAGE + "/methods/" + id + "/delete");
    if (gate != null) {
      return gate;
    }
    boolean deleted = changes.delete(user.accountId(), id, clientAddress.origin(request));
    redirect.addFlashAttribute("notice", deleted ? "methods.deleted" : "methods.notFound");
    return "redirect:" + PAGE;
  }
}
