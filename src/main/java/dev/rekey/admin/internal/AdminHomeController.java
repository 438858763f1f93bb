package dev.rekey.admin.internal;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin}: the console's start page (helpdesk and admin only, see the security
 * configuration).
 */
@Controller
class AdminHomeController {

  static final String VIEW = "admin/index";

  private final Environment environment;

  AdminHomeController(Environment environment) {
    this.environment = environment;
  }

  @GetMapping("/admin")
  String index(Model model) {
    model.addAttribute(
        "outbox",
        "outbox".equalsIgnoreCase(environment.getProperty("rekey.delivery.mode", "outbox")));
    return VIEW;
  }
}
