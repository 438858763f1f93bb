package dev.rekey.reset.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.common.RequestOrigin;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.ResetProofs;
import dev.rekey.password.LocalisedReason;
import dev.rekey.password.PasswordReasons;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reset portal's pages (SPEC §5): {@code /reset} and one address per flow, {@code
 * /reset/{flowId}}, that always shows the step the flow is at. Every form posts and redirects
 * (post/redirect/get), so reloading never repeats a step.
 */
@Controller
class ResetPageController {

  /** The user ID that passed the CAPTCHA but was refused, for "contact an administrator". */
  static final String REFUSED_USER = "rekey.reset.refusedUserId";

  private static final int MAX_USER_ID = ResetApiController.MAX_USER_ID;

  private final ResetService reset;
  private final AdminContact contact;
  private final PasswordReasons reasons;
  private final ClientAddress clientAddress;
  private final MessageSource messages;

  ResetPageController(
      ResetService reset,
      AdminContact contact,
      PasswordReasons reasons,
      ClientAddress clientAddress,
      MessageSource messages) {
    this.messages = messages;
    this.reset = reset;
    this.contact = contact;
    this.reasons = reasons;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/reset")
  String start(@RequestParam(required = false) @Nullable String userId, Model model) {
    model.addAttribute("userId", userId == null || userId.length() > MAX_USER_ID ? "" : userId);
    return "reset/start";
  }

  @PostMapping("/reset")
  String start(
      @RequestParam(required = false) @Nullable String userId,
      @RequestParam(required = false) @Nullable String captcha,
      HttpServletRequest request,
      HttpSession session,
      Model model) {
    String typed = userId == null ? "" : userId.strip();
    if (typed.isEmpty() || typed.length() > MAX_USER_ID) {
      model.addAttribute("userId", typed.length() > MAX_USER_ID ? "" : typed);
      model.addAttribute(
          "userIdError", typed.isEmpty() ? "reset.userId.required" : "reset.userId.tooLong");
      return "reset/start";
    }
    try {
      ResetService.Started started = reset.start(typed, captcha, clientAddress.origin(request));
      session.removeAttribute(REFUSED_USER);
      return "redirect:/reset/" + started.flow().id();
    } catch (ResetRefused refused) {
      if (refused.refusal() == Refusal.CAPTCHA_INVALID) {
        model.addAttribute("userId", typed);
        model.addAttribute("captchaError", "reset.captcha.failed");
        return "reset/start";
      }
      session.setAttribute(REFUSED_USER, typed);
      return refusedPage(refused, null, typed, model);
    }
  }

  /** "Contact an administrator" from a refusal at the start (seed errors 2 and 3, blocked). */
  @PostMapping("/reset/contact")
  String contact(HttpServletRequest request, HttpSession session, Model model) {
    if (!(session.getAttribute(REFUSED_USER) instanceof String userId)) {
      return "redirect:/reset";
    }
    try {
      contact.fromCheckedUserId(userId, clientAddress.origin(request));
    } catch (ResetRefused refused) {
      return refusedPage(refused, null, userId, model);
    }
    session.removeAttribute(REFUSED_USER);
    return "reset/contacted";
  }

  @GetMapping("/reset/{flowId}")
  String flow(@PathVariable String flowId, Model model) {
    ResetService.Current current;
    try {
      current = reset.current(flowId);
    } catch (ResetRefused refused) {
      return refusedPage(refused, null, null, model);
    }
    ResetFlow flow = current.flow();
    model.addAttribute("flowId", flow.id());
    if (current.canUnlock() && flow.intent() == null) {
      return "reset/choose";
    }
    if (!flow.verificationComplete()) {
      List<RegisteredMethod> offered = current.offered();
      model.addAttribute("methods", offered);
      model.addAttribute("step", flow.verified().size() + 1);
      model.addAttribute("steps", flow.requiredMethods());
      return "reset/verify";
    }
    if (flow.intent() == ResetFlow.Intent.UNLOCK) {
      return "reset/unlock";
    }
    passwordPage(current, model);
    return "reset/password";
  }

  @PostMapping("/reset/{flowId}/intent")
  String choose(
      @PathVariable String flowId,
      @RequestParam(required = false) @Nullable String intent,
      HttpServletRequest request,
      RedirectAttributes redirect,
      Model model) {
    ResetFlow.Intent chosen =
        "unlock".equals(intent)
            ? ResetFlow.Intent.UNLOCK
            : "reset".equals(intent) ? ResetFlow.Intent.RESET : null;
    if (chosen == null) {
      redirect.addFlashAttribute("error", "reset.choose.required");
      return "redirect:/reset/" + flowId;
    }
    try {
      reset.choose(flowId, chosen, clientAddress.origin(request));
    } catch (ResetRefused refused) {
      return refusedPage(refused, flowId, null, model);
    }
    return "redirect:/reset/" + flowId;
  }

  /** The chosen method's page: enter the code, type the phone number, answer, use the key. */
  @GetMapping("/reset/{flowId}/methods/{methodId}")
  String method(@PathVariable String flowId, @PathVariable UUID methodId, Model model) {
    ResetService.Current current;
    try {
      current = reset.current(flowId);
    } catch (ResetRefused refused) {
      return refusedPage(refused, null, null, model);
    }
    Optional<RegisteredMethod> method =
        current.offered().stream().filter(m -> m.id().equals(methodId)).findFirst();
    if (method.isEmpty()) {
      return "redirect:/reset/" + flowId;
    }
    model.addAttribute("flowId", flowId);
    model.addAttribute("method", method.get());
    model.addAttribute("type", method.get().type().code());
    model.addAttribute("challenged", methodId.equals(current.flow().challengeMethod()));
    model.addAttribute("step", current.flow().verified().size() + 1);
    model.addAttribute("steps", current.flow().requiredMethods());
    return "reset/method";
  }

  /** Sends the code (phone, email) or picks the questions. */
  @PostMapping("/reset/{flowId}/methods/{methodId}/start")
  String startMethod(
      @PathVariable String flowId,
      @PathVariable UUID methodId,
      @RequestParam(required = false) @Nullable String phoneNumber,
      HttpServletRequest request,
      RedirectAttributes redirect,
      Model model) {
    String back = "redirect:/reset/" + flowId + "/methods/" + methodId;
    if (phoneNumber != null && (phoneNumber.isBlank() || phoneNumber.length() > 64)) {
      redirect.addFlashAttribute("error", "reset.phone.required");
      return back;
    }
    try {
      ResetProofs.Challenge challenge =
          reset.challenge(flowId, methodId, phoneNumber, clientAddress.origin(request));
      redirect.addFlashAttribute("sent", challenge.type() != MethodType.SECURITY_QUESTIONS);
      redirect.addFlashAttribute("questions", challenge.questions());
    } catch (ResetRefused refused) {
      return methodRefusal(refused, flowId, back, redirect, model);
    }
    return back;
  }

  @PostMapping("/reset/{flowId}/methods/{methodId}/verify")
  String verifyMethod(
      @PathVariable String flowId,
      @PathVariable UUID methodId,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      RedirectAttributes redirect,
      Model model) {
    String back = "redirect:/reset/" + flowId + "/methods/" + methodId;
    String code = form.get("code");
    Map<String, String> answers = new HashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith("answer-") && name.length() <= 71 && value.length() <= 200) {
            answers.put(name.substring("answer-".length()), value);
          }
        });
    if (code != null && (code.isBlank() || code.length() > 32)) {
      redirect.addFlashAttribute("error", "reset.code.required");
      return back;
    }
    RequestOrigin origin = clientAddress.origin(request);
    try {
      reset.verify(flowId, methodId, new ResetProofs.Proof(code, answers, null), origin);
    } catch (ResetRefused refused) {
      if (refused.refusal() == Refusal.VERIFICATION_FAILED && !answers.isEmpty()) {
        // Wrong answers: a fresh selection of questions straight away (SPEC §4).
        try {
          redirect.addFlashAttribute(
              "questions", reset.challenge(flowId, methodId, null, origin).questions());
          redirect.addFlashAttribute("error", "reset.questions.wrong");
          return back;
        } catch (ResetRefused again) {
          return methodRefusal(again, flowId, back, redirect, model);
        }
      }
      return methodRefusal(refused, flowId, back, redirect, model);
    }
    return "redirect:/reset/" + flowId;
  }

  @PostMapping("/reset/{flowId}/password")
  String password(
      @PathVariable String flowId,
      @RequestParam(required = false) @Nullable String newPassword,
      @RequestParam(required = false) @Nullable String confirmPassword,
      HttpServletRequest request,
      Model model) {
    ResetService.Current current;
    try {
      current = reset.current(flowId);
    } catch (ResetRefused refused) {
      return refusedPage(refused, null, null, model);
    }
    passwordPage(current, model);
    String proposed = newPassword == null ? "" : newPassword;
    if (proposed.isEmpty() || proposed.length() > ResetApiController.MAX_PASSWORD) {
      model.addAttribute(
          "newErrors",
          List.of(
              messages.getMessage(
                  proposed.isEmpty() ? "reset.password.required" : "reset.problem.newPassword.long",
                  null,
                  LocaleContextHolder.getLocale())));
      return "reset/password";
    }
    if (!proposed.equals(confirmPassword)) {
      model.addAttribute(
          "confirmErrors",
          List.of(
              messages.getMessage(
                  "reset.password.mismatch", null, LocaleContextHolder.getLocale())));
      return "reset/password";
    }
    try {
      reset.setPassword(flowId, proposed, clientAddress.origin(request));
    } catch (ResetService.PasswordRefused refused) {
      model.addAttribute(
          "newErrors",
          reasons.localise(refused.verdict().reasons(), LocaleContextHolder.getLocale()).stream()
              .map(LocalisedReason::message)
              .toList());
      return "reset/password";
    } catch (ResetRefused refused) {
      return refusedPage(refused, flowId, null, model);
    }
    model.addAttribute("what", "reset");
    return "reset/done";
  }

  private void passwordPage(ResetService.Current current, Model model) {
    model.addAttribute("flowId", current.flow().id());
    model.addAttribute(
        "evaluateUrl", "/api/v1/reset/flows/" + current.flow().id() + "/password/evaluate");
    model.addAttribute("minLength", reset.minimumLength(current));
    model.addAttribute("newErrors", List.of());
    model.addAttribute("confirmErrors", List.of());
  }

  @PostMapping("/reset/{flowId}/unlock")
  String unlock(@PathVariable String flowId, HttpServletRequest request, Model model) {
    try {
      reset.unlock(flowId, clientAddress.origin(request));
    } catch (ResetRefused refused) {
      return refusedPage(refused, flowId, null, model);
    }
    model.addAttribute("what", "unlock");
    return "reset/done";
  }

  /** "Contact an administrator" from the blocked page of a flow. */
  @PostMapping("/reset/{flowId}/contact")
  String contactFromFlow(@PathVariable String flowId, HttpServletRequest request, Model model) {
    try {
      contact.fromFlow(flowId, clientAddress.origin(request));
    } catch (ResetRefused refused) {
      return refusedPage(refused, null, null, model);
    }
    return "reset/contacted";
  }

  private String methodRefusal(
      ResetRefused refused, String flowId, String back, RedirectAttributes redirect, Model model) {
    Refusal refusal = refused.refusal();
    switch (refusal) {
      case VERIFICATION_FAILED -> redirect.addFlashAttribute("error", "reset.code.wrong");
      case PHONE_MISMATCH -> redirect.addFlashAttribute("error", "reset.phone.mismatch");
      case DELIVERY_FAILED, SMS_BUDGET_EXCEEDED, METHOD_NOT_AVAILABLE ->
          redirect.addFlashAttribute("error", "problem." + refusal.code());
      default -> {
        return refusedPage(refused, flowId, null, model);
      }
    }
    return back;
  }

  /** A refusal page: the seed's messages, blocked, expired, unavailable. */
  private String refusedPage(
      ResetRefused refused, @Nullable String flowId, @Nullable String userId, Model model) {
    Refusal refusal = refused.refusal();
    model.addAttribute("code", refusal.code());
    model.addAttribute("entraCode", refusal.entraCode());
    model.addAttribute("flowId", flowId);
    boolean contactable = refusal.offersContact() || refusal == Refusal.NOT_AVAILABLE;
    model.addAttribute("canContact", contactable && (flowId != null || userId != null));
    if (refused.retryAt() != null) {
      model.addAttribute(
          "retryAt",
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                  .withLocale(LocaleContextHolder.getLocale())
                  .format(refused.retryAt().atZone(ZoneOffset.UTC))
              + " UTC");
    }
    Optional<String> link =
        refused.extra().get("helpdeskLink") instanceof String text
            ? Optional.of(text)
            : flowId != null
                ? contact.helpdeskLinkForFlow(flowId)
                : userId != null ? contact.helpdeskLinkForUserId(userId) : Optional.empty();
    if (contactable && link.isPresent()) {
      // The tenant's own helpdesk link replaces "contact an administrator" (SPEC §3).
      model.addAttribute("helpdeskLink", AdminContact.href(link.get()));
      model.addAttribute("canContact", false);
    }
    return "reset/refused";
  }
}
