package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding a phone on the security info page: number, type and delivery; then the code. */
@Controller
class PhoneMethodController {

  static final String FORM_VIEW = "methods/phone/add";
  static final String CODE_VIEW = "methods/phone/code";
  static final String PAGE = SecurityInfoController.PAGE + "/phone";

  private final PhoneMethods phones;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  PhoneMethodController(PhoneMethods phones, ChangeGuard guard, ClientAddress clientAddress) {
    this.phones = phones;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  @PostMapping(PAGE)
  String form(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE, MethodType.PHONE);
    if (gate != null) {
      return gate;
    }
    model.addAttribute("form", PhoneForm.empty());
    return FORM_VIEW;
  }

  @PostMapping(PAGE + "/send")
  String send(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") PhoneForm form,
      BindingResult result,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE, MethodType.PHONE);
    if (gate != null) {
      return gate;
    }
    try {
      PhoneChoice choice = PhoneChoice.parse(form.phoneNumber(), form.phoneType(), form.delivery());
      model.addAttribute("pending", phones.start(user, choice));
      return CODE_VIEW;
    } catch (ApiProblem problem) {
      if (problem.extra().get("field") instanceof String field) {
        result.rejectValue(field, problem.messageKey());
      } else if ("method_limit_reached".equals(problem.code())) {
        result.rejectValue("phoneType", problem.messageKey());
      } else {
        response.setStatus(problem.status().value());
        model.addAttribute("error", problem.messageKey());
      }
      return FORM_VIEW;
    }
  }

  @PostMapping(PAGE + "/{id}/resend")
  String resend(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID id,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE);
    if (gate != null) {
      return gate;
    }
    try {
      model.addAttribute("pending", phones.resend(user, id));
      model.addAttribute("resent", true);
      return CODE_VIEW;
    } catch (ApiProblem problem) {
      return switch (problem.code()) {
        case "sms_budget_exceeded" -> again(user, id, problem.messageKey(), model, redirect);
        default -> back(redirect, problem);
      };
    }
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
      return again(user, id, "methods.phone.code.required", model, redirect);
    }
    try {
      phones.confirm(user, id, code, clientAddress.origin(request));
      redirect.addFlashAttribute("notice", "methods.phone.added");
      return "redirect:" + Wizard.afterChange(session);
    } catch (ApiProblem problem) {
      return switch (problem.code()) {
        case "verification_failed" -> again(user, id, "methods.phone.code.wrong", model, redirect);
        case "code_expired" -> again(user, id, "methods.phone.code.expired", model, redirect);
        default -> back(redirect, problem);
      };
    }
  }

  private String again(
      SignedInUser user, UUID id, String error, Model model, RedirectAttributes redirect) {
    var pending = phones.pending(user, id);
    if (pending.isEmpty()) {
      redirect.addFlashAttribute("notice", "methods.phone.expired");
      return "redirect:" + SecurityInfoController.PAGE;
    }
    model.addAttribute("pending", pending.get());
    model.addAttribute("error", error);
    return CODE_VIEW;
  }

  /** Back to the list with a notice: the registration is gone or cannot go on. */
  private static String back(RedirectAttributes redirect, ApiProblem problem) {
    String notice =
        switch (problem.code()) {
          case "too_many_attempts" -> "methods.phone.tooMany";
          case "method_not_found" -> "methods.phone.expired";
          default -> problem.messageKey();
        };
    redirect.addFlashAttribute("notice", notice);
    return "redirect:" + SecurityInfoController.PAGE;
  }
}
