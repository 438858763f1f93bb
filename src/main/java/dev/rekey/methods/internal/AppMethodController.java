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

/** Adding an authenticator app on the security info page: QR code, secret, confirm with a code. */
@Controller
class AppMethodController {

  static final String VIEW = "methods/app";
  static final String PAGE = SecurityInfoController.PAGE + "/app";

  private final AppMethods apps;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  AppMethodController(AppMethods apps, ChangeGuard guard, ClientAddress clientAddress) {
    this.apps = apps;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  @PostMapping(PAGE)
  String start(
      @AuthenticationPrincipal SignedInUser user,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    String gate =
        guard.redirectFor(user, session, SecurityInfoController.PAGE, MethodType.SOFTWARE_OATH);
    if (gate != null) {
      return gate;
    }
    var pending = apps.start(user, "Authenticator app");
    if (pending.isEmpty()) {
      redirect.addFlashAttribute("notice", "methods.app.limit");
      return "redirect:" + SecurityInfoController.PAGE;
    }
    model.addAttribute("pending", pending.get());
    return VIEW;
  }

  @PostMapping(PAGE + "/{id}")
  String confirm(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID id,
      @RequestParam(name = "code", required = false) @Nullable String code,
      HttpSession session,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE);
    if (gate != null) {
      return gate;
    }
    if (code == null || code.isBlank()) {
      return again(user, id, "methods.app.code.required", model, redirect);
    }
    AppMethods.Result result = apps.confirm(user, id, code, clientAddress.origin(request));
    if (result.method() != null) {
      redirect.addFlashAttribute("notice", "methods.app.added");
      return "redirect:" + Wizard.afterChange(session);
    }
    return switch (result.refusal()) {
      case WRONG_CODE -> again(user, id, "methods.app.code.wrong", model, redirect);
      case LIMIT_REACHED -> {
        redirect.addFlashAttribute("notice", "methods.app.limit");
        yield "redirect:" + SecurityInfoController.PAGE;
      }
      case NOT_FOUND, NONE -> {
        redirect.addFlashAttribute("notice", "methods.app.expired");
        yield "redirect:" + SecurityInfoController.PAGE;
      }
    };
  }

  private String again(
      SignedInUser user, UUID id, String error, Model model, RedirectAttributes redirect) {
    var pending = apps.pending(user, id);
    if (pending.isEmpty()) {
      redirect.addFlashAttribute("notice", "methods.app.expired");
      return "redirect:" + SecurityInfoController.PAGE;
    }
    model.addAttribute("pending", pending.get());
    model.addAttribute("error", error);
    return VIEW;
  }
}
