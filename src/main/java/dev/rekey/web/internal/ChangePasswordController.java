package dev.rekey.web.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
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
  String form(@ModelAttribute("form") ChangePasswordForm form, HttpSession session, Model model) {
    model.addAttribute(
        "required", session.getAttribute(MustChangePasswordFilter.ATTRIBUTE) != null);
    return VIEW;
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
    model.addAttribute(
        "required", session.getAttribute(MustChangePasswordFilter.ATTRIBUTE) != null);
    if (result.hasErrors()) {
      return VIEW;
    }
    var refusal =
        changer.change(
            user,
            form.currentPassword(),
            form.newPassword(),
            form.confirmPassword() == null ? "" : form.confirmPassword(),
            clientAddress.origin(request));
    if (refusal.isPresent()) {
      result.rejectValue(
          refusal.get().field(),
          "password." + refusal.get().code(),
          PasswordChanger.arguments(refusal.get().code()),
          refusal.get().code());
      return VIEW;
    }
    session.removeAttribute(MustChangePasswordFilter.ATTRIBUTE);
    redirect.addFlashAttribute("notice", "password.changed");
    return "redirect:/";
  }
}
