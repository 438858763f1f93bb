package dev.rekey.methods.internal;

import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding a security key on the security info page. The ceremony itself runs in the browser ({@code
 * static/js/webauthn.js}) against the fido2Methods API; this page names the key and starts it, or
 * explains why it cannot start.
 */
@Controller
class SecurityKeyController {

  static final String PAGE = SecurityInfoController.PAGE + "/security-key";
  static final String VIEW = "methods/webauthn/register";
  static final String NEEDS_OTHER_VIEW = "methods/webauthn/needs-other";

  private final SecurityKeyMethods keys;
  private final ChangeGuard guard;

  SecurityKeyController(SecurityKeyMethods keys, ChangeGuard guard) {
    this.keys = keys;
    this.guard = guard;
  }

  @PostMapping(PAGE)
  String start(
      @AuthenticationPrincipal SignedInUser user,
      HttpSession session,
      RedirectAttributes redirect) {
    Optional<SecurityKeyMethods.Refusal> refusal = keys.refusal(user.accountId());
    if (refusal.equals(Optional.of(SecurityKeyMethods.Refusal.OTHER_METHOD_REQUIRED))) {
      return NEEDS_OTHER_VIEW;
    }
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE, MethodType.FIDO2);
    if (gate != null) {
      return gate;
    }
    if (refusal.isPresent()) {
      redirect.addFlashAttribute("notice", "methods.webauthn.limit");
      return "redirect:" + SecurityInfoController.PAGE;
    }
    return VIEW;
  }

  /** Where the page's script goes once the key is registered: the list, with a notice. */
  @GetMapping(PAGE + "/added")
  String added(RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", "methods.webauthn.added");
    return "redirect:" + SecurityInfoController.PAGE;
  }
}
