package dev.rekey.web.internal;

import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in and sign-out pages. */
@Controller
class SignInController {

  static final String VIEW = "web/login";

  private final SignInService signIn;
  private final Clock clock;

  SignInController(SignInService signIn, Clock clock) {
    this.signIn = signIn;
    this.clock = clock;
  }

  @GetMapping("/login")
  String form(
      @AuthenticationPrincipal @Nullable SignedInUser user,
      @ModelAttribute("form") SignInForm form) {
    return user != null ? "redirect:/" : VIEW;
  }

  @PostMapping("/login")
  String submit(
      @Valid @ModelAttribute("form") SignInForm form,
      BindingResult result,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (result.hasErrors()) {
      return VIEW;
    }
    var outcome = signIn.signIn(form.userId(), form.password(), request, response);
    if (outcome instanceof SignInService.Success success) {
      return success.mustChangePassword() ? "redirect:/change-password" : "redirect:/";
    }
    model.addAttribute("form", new SignInForm(form.userId(), null));
    if (outcome instanceof SignInService.Throttled throttled) {
      long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
      model.addAttribute("errorKey", "signin.throttled");
      model.addAttribute("errorArg", (seconds + 59) / 60);
    } else {
      model.addAttribute("errorKey", "signin.invalid");
    }
    return VIEW;
  }

  @PostMapping("/logout")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
    return "redirect:/login?signedOut";
  }
}
