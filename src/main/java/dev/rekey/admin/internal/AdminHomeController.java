package dev.rekey.admin.internal;

import dev.rekey.directory.SignedInUser;
import dev.rekey.helpdesk.HelpdeskRequests;
import org.springframework.core.env.Environment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
  private final HelpdeskRequests requests;

  AdminHomeController(Environment environment, HelpdeskRequests requests) {
    this.environment = environment;
    this.requests = requests;
  }

  @GetMapping("/admin")
  String index(@AuthenticationPrincipal SignedInUser operator, Model model) {
    model.addAttribute(
        "openRequests",
        requests.list(operator.tenantId(), HelpdeskRequests.Status.OPEN, 0, 1).totalItems());
    model.addAttribute(
        "outbox",
        "outbox".equalsIgnoreCase(environment.getProperty("rekey.delivery.mode", "outbox")));
    return VIEW;
  }
}
