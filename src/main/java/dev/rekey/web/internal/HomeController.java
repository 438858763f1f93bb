package dev.rekey.web.internal;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in home page: who you are and where to go. */
@Controller
class HomeController {

  static final String VIEW = "web/home";

  private final AccountDirectory directory;

  HomeController(AccountDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("account", directory.findById(user.accountId()).orElse(null));
    return VIEW;
  }
}
