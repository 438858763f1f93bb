package dev.rekey.methods.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding an alternate email on the security info page: address, then the emailed code. */
@Controller
class EmailMethodController {

  static final String PAGE = SecurityInfoController.PAGE + "/email";
  static final String ADDRESS_VIEW = "methods/email/address";
  static final String CODE_VIEW = "methods/email/code";

  private final EmailMethods emails;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  EmailMethodController(EmailMethods emails, ChangeGuard guard, ClientAddress clientAddress) {
    this.emails = emails;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  @PostMapping(PAGE)
  String start(
      @AuthenticationPrincipal SignedInUser user,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE, MethodType.EMAIL);
    if (gate != null) {
      return gate;
    }
    if (emails.limitReached(user.accountId())) {
      return back("methods.email.limit", redirect);
    }
    model.addAttribute("emailAddress", "");
    return ADDRESS_VIEW;
  }

  @PostMapping(PAGE + "/send")
  String send(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "emailAddress", required = false) @Nullable String emailAddress,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE, MethodType.EMAIL);
    if (gate != null) {
      return gate;
    }
    EmailMethods.Outcome outcome = emails.start(user, emailAddress);
    EmailRefusal refusal = outcome.refusal();
    if (refusal == EmailRefusal.NONE) {
      model.addAttribute("sent", "methods.email.sent");
      return code(outcome.id(), outcome.hint(), null, model);
    }
    if (refusal == EmailRefusal.LIMIT_REACHED) {
      return back("methods.email.limit", redirect);
    }
    model.addAttribute("emailAddress", emailAddress == null ? "" : emailAddress);
    model.addAttribute(
        "error",
        refusal.aboutAddress() ? refusal.addressMessageKey() : "methods.email.deliveryFailed");
    model.addAttribute("domain", outcome.domain() == null ? "" : outcome.domain());
    return ADDRESS_VIEW;
  }

  @PostMapping(PAGE + "/{id}")
  String confirm(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID id,
      @RequestParam(name = "code", required = false) @Nullable String code,
      @RequestParam(name = "action", required = false) @Nullable String action,
      HttpSession session,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE);
    if (gate != null) {
      return gate;
    }
    var pending = emails.pending(user, id);
    if (pending.isEmpty()) {
      return back("methods.email.expired", redirect);
    }
    String hint = pending.get().hint();
    if ("resend".equals(action)) {
      EmailRefusal refusal = emails.resend(user, id).refusal();
      if (refusal == EmailRefusal.NONE) {
        model.addAttribute("sent", "methods.email.resent");
        return code(id, hint, null, model);
      }
      return code(id, hint, "methods.email.deliveryFailed", model);
    }
    if (code == null || code.isBlank()) {
      return code(id, hint, "methods.email.code.required", model);
    }
    EmailMethods.Outcome outcome = emails.confirm(user, id, code, clientAddress.origin(request));
    return switch (outcome.refusal()) {
      case NONE -> back("methods.email.added", redirect);
      case WRONG_CODE -> code(id, hint, "methods.email.code.wrong", model);
      case CODE_EXPIRED -> code(id, hint, "methods.email.code.expired", model);
      case TOO_MANY_ATTEMPTS -> back("methods.email.tooMany", redirect);
      case LIMIT_REACHED -> back("methods.email.limit", redirect);
      default -> back("methods.email.expired", redirect);
    };
  }

  private static String code(
      @Nullable UUID id, @Nullable String hint, @Nullable String error, Model model) {
    model.addAttribute("id", id);
    model.addAttribute("hint", hint);
    model.addAttribute("error", error);
    return CODE_VIEW;
  }

  private static String back(String notice, RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", notice);
    return "redirect:" + SecurityInfoController.PAGE;
  }
}
