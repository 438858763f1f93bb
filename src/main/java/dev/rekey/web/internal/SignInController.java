package dev.rekey.web.internal;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.SignInInterrupt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in and sign-out pages. */
@Controller
class SignInController {

  static final String VIEW = "web/login";

  private final SignInService signIn;
  private final Clock clock;
  private final AccountDirectory directory;
  private final SignInInterrupt interrupts;

  SignInController(
      SignInService signIn, Clock clock, AccountDirectory directory, SignInInterrupt interrupts) {
    this.signIn = signIn;
    this.clock = clock;
    this.directory = directory;
    this.interrupts = interrupts;
  }

  /**
   * Where a sign-in may continue to: only Rekey's own pages, never another site (no open redirect,
   * ASVS 5.0 §3.7.2).
   */
  private static final java.util.regex.Pattern CONTINUE =
      java.util.regex.Pattern.compile(
          "/(security-info|register|change-password|admin)(/[A-Za-z0-9/-]{0,80})?");

  static String destination(@Nullable String next) {
    return next != null && CONTINUE.matcher(next).matches() ? next : "/";
  }

  @GetMapping("/login")
  String form(
      @AuthenticationPrincipal @Nullable SignedInUser user,
      @ModelAttribute("form") SignInForm form,
      @RequestParam(name = "continue", required = false) @Nullable String next,
      @RequestParam(name = "reauth", required = false) @Nullable String reauth,
      Model model) {
    model.addAttribute("continueTo", destination(next));
    model.addAttribute("reauth", reauth != null);
    // Re-authentication: a signed-in user asked to prove their password again stays on the form.
    return user != null && reauth == null ? "redirect:/" : VIEW;
  }

  @PostMapping("/login")
  String submit(
      @Valid @ModelAttribute("form") SignInForm form,
      BindingResult result,
      @RequestParam(name = "continue", required = false) @Nullable String next,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String continueTo = destination(next);
    model.addAttribute("continueTo", continueTo);
    if (result.hasErrors()) {
      return VIEW;
    }
    var outcome = signIn.signIn(form.userId(), form.password(), request, response);
    if (outcome instanceof SignInService.Success success) {
      if (success.mustChangePassword()) {
        return "redirect:/change-password";
      }
      if ("/".equals(continueTo)) {
        var account = directory.findById(success.user().accountId());
        var interrupt = account.flatMap(interrupts::after);
        if (interrupt.isPresent()) {
          return "redirect:" + interrupt.get();
        }
      }
      return "redirect:" + continueTo;
    }
    model.addAttribute("form", new SignInForm(form.userId(), null));
    if (outcome instanceof SignInService.Throttled throttled) {
      long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
      model.addAttribute("errorKey", "signin.throttled");
      model.addAttribute("errorArg", (seconds + 59) / 60);
    } else if (outcome instanceof SignInService.DirectoryDown) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      model.addAttribute("errorKey", "signin.directoryUnavailable");
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
