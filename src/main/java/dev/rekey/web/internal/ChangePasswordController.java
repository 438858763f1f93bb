package dev.rekey.web.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.password.PasswordRejection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The {@code /change-password} page. */
@Controller
class ChangePasswordController {

  static final String VIEW = "web/change-password";

  private final PasswordChanger changer;
  private final ClientAddress clientAddress;

  ChangePasswordController(PasswordChanger changer, ClientAddress clientAddress) {
    this.changer = changer;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/change-password")
  String form(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") ChangePasswordForm form,
      HttpSession session,
      Model model) {
    return view(user, session, model);
  }

  @PostMapping("/change-password")
  String change(
      @AuthenticationPrincipal SignedInUser user,
      @Valid @ModelAttribute("form") ChangePasswordForm form,
      BindingResult result,
      HttpServletRequest request,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return view(user, session, model);
    }
    var refusal =
        changer.change(
            user,
            form.currentPassword(),
            form.newPassword(),
            form.confirmPassword() == null ? "" : form.confirmPassword(),
            clientAddress.origin(request));
    if (refusal.isPresent()) {
      reject(refusal.get(), result);
      return view(user, session, model);
    }
    session.removeAttribute(MustChangePasswordFilter.ATTRIBUTE);
    redirect.addFlashAttribute("notice", "password.changed");
    return "redirect:/";
  }

  /** Every reason as a field error, so the page explains all of them at once (SPEC §7). */
  private static void reject(PasswordChanger.Refusal refusal, BindingResult result) {
    if (refusal.current() != null) {
      result.rejectValue("currentPassword", "password." + refusal.current());
    }
    if (refusal.verdict() != null) {
      for (PasswordRejection reason : refusal.verdict().reasons()) {
        result.rejectValue(
            "newPassword", reason.messageKey(), reason.argumentArray(), reason.code());
      }
    }
    if (refusal.mismatch()) {
      result.rejectValue("confirmPassword", "password.mismatch");
    }
  }

  private String view(SignedInUser user, HttpSession session, Model model) {
    model.addAttribute(
        "required", session.getAttribute(MustChangePasswordFilter.ATTRIBUTE) != null);
    model.addAttribute("minLength", changer.minimumLength(user));
    return VIEW;
  }
}
