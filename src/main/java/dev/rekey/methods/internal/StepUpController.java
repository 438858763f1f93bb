package dev.rekey.methods.internal;

import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.RegisteredMethod;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The step-up page: prove one of your methods before changing security info. */
@Controller
class StepUpController {

  static final String PAGE = "/security-info/verify";
  static final String VIEW = "methods/verify";

  /**
   * Only our own security-info pages are valid destinations (no open redirect, ASVS 5.0 §3.7.2).
   */
  private static final Pattern NEXT = Pattern.compile("/security-info(/[A-Za-z0-9/-]{0,80})?");

  private final StepUp stepUp;
  private final DefaultSecurityInfo info;

  StepUpController(StepUp stepUp, DefaultSecurityInfo info) {
    this.stepUp = stepUp;
    this.info = info;
  }

  @GetMapping(PAGE)
  String form(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "next", required = false) @Nullable String next,
      Model model) {
    return show(user, safe(next), null, null, model);
  }

  @PostMapping(PAGE)
  String prove(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(name = "methodId", required = false) @Nullable UUID methodId,
      @RequestParam(name = "code", required = false) @Nullable String code,
      @RequestParam(name = "next", required = false) @Nullable String next,
      @RequestParam(name = "action", required = false) @Nullable String action,
      HttpSession session,
      Model model) {
    String destination = safe(next);
    if (methodId == null) {
      return show(user, destination, null, "methods.verify.method.required", model);
    }
    if ("send".equals(action)) {
      if (stepUp.challenge(user, methodId).isEmpty()) {
        return show(user, destination, null, "methods.verify.method.required", model);
      }
      model.addAttribute("sent", true);
      return show(user, destination, methodId, null, model);
    }
    if (code == null || code.isBlank()) {
      return show(user, destination, methodId, "methods.verify.code.required", model);
    }
    return switch (stepUp.prove(user, methodId, code, session)) {
      case PROVEN -> "redirect:" + destination;
      case WRONG -> show(user, destination, methodId, "methods.verify.code.wrong", model);
      case TOO_MANY_ATTEMPTS -> show(user, destination, methodId, "methods.verify.tooMany", model);
      case UNKNOWN_METHOD -> show(user, destination, null, "methods.verify.method.required", model);
    };
  }

  private String show(
      SignedInUser user,
      String next,
      @Nullable UUID selected,
      @Nullable String error,
      Model model) {
    List<RegisteredMethod> methods =
        info.methods(user.accountId()).stream().filter(m -> stepUp.canProve(m.type())).toList();
    model.addAttribute("methods", methods);
    model.addAttribute(
        "hasKeys",
        info.methods(user.accountId()).stream()
            .anyMatch(m -> m.type() == dev.rekey.methods.MethodType.FIDO2));
    model.addAttribute("canSend", methods.stream().anyMatch(m -> stepUp.needsChallenge(m.type())));
    model.addAttribute(
        "selected", selected != null ? selected : methods.isEmpty() ? null : methods.get(0).id());
    model.addAttribute("next", next);
    model.addAttribute("error", error);
    return VIEW;
  }

  static String safe(@Nullable String next) {
    return next != null && NEXT.matcher(next).matches() ? next : SecurityInfoController.PAGE;
  }
}
