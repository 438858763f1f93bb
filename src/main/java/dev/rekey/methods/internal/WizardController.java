package dev.rekey.methods.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /register}: the seed's registration flow. It shows what the policy needs, offers the
 * available methods most secure first, and ends with Done; {@code /register/review} asks a user
 * whose info is due for reconfirmation whether it still looks good.
 */
@Controller
class WizardController {

  static final String VIEW = "methods/register";
  static final String REVIEW_VIEW = "methods/review";

  private final DefaultSecurityInfo info;
  private final SecurityInfoChanges changes;
  private final AccountDirectory directory;
  private final List<MethodRegistrar> registrars;
  private final ClientAddress clientAddress;

  WizardController(
      DefaultSecurityInfo info,
      SecurityInfoChanges changes,
      AccountDirectory directory,
      List<MethodRegistrar> registrars,
      ClientAddress clientAddress) {
    this.info = info;
    this.changes = changes;
    this.directory = directory;
    this.registrars = registrars;
    this.clientAddress = clientAddress;
  }

  @GetMapping(Wizard.PAGE)
  String wizard(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
    Wizard.enter(session);
    var requirements = info.requirements(directory.findById(user.accountId()).orElseThrow());
    var registered = info.methods(user.accountId());
    model.addAttribute("requirements", requirements);
    model.addAttribute("methods", registered);
    model.addAttribute(
        "addOptions",
        registrars.stream()
            .filter(r -> requirements.availableTypes().contains(r.type()))
            .sorted(Comparator.comparingInt(MethodRegistrar::order))
            .toList());
    return VIEW;
  }

  @PostMapping(Wizard.PAGE + "/done")
  String done(
      @AuthenticationPrincipal SignedInUser user,
      HttpSession session,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    Wizard.leave(session);
    var account = directory.findById(user.accountId()).orElseThrow();
    if (info.requirements(account).isRegistered()) {
      changes.reviewed(account, clientAddress.origin(request));
      redirect.addFlashAttribute("notice", "methods.wizard.finished");
    }
    return "redirect:/";
  }

  @PostMapping(Wizard.PAGE + "/skip")
  String skip(HttpSession session) {
    Wizard.leave(session);
    return "redirect:/";
  }

  @GetMapping(Wizard.REVIEW)
  String review(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("methods", info.methods(user.accountId()));
    return REVIEW_VIEW;
  }

  @PostMapping(Wizard.REVIEW)
  String looksGood(
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    changes.reviewed(
        directory.findById(user.accountId()).orElseThrow(), clientAddress.origin(request));
    redirect.addFlashAttribute("notice", "methods.review.thanks");
    return "redirect:/";
  }
}
