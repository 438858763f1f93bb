package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /admin/users/new}: an admin creates one user and sees its temporary password once. */
@Controller
class NewUserPageController {

  static final String VIEW = "admin/user-new";
  static final String CREATED_VIEW = "admin/user-created";

  private final UserCreation creation;
  private final Groups groups;
  private final PageErrors errors;
  private final ClientAddress clientAddress;

  NewUserPageController(
      UserCreation creation, Groups groups, PageErrors errors, ClientAddress clientAddress) {
    this.creation = creation;
    this.groups = groups;
    this.errors = errors;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/admin/users/new")
  String form(@AuthenticationPrincipal SignedInUser operator, Model model) {
    AdminRole.require(operator);
    return show(operator, model, CreateUserRequest.empty(), Map.of());
  }

  @PostMapping("/admin/users/new")
  String create(
      @AuthenticationPrincipal SignedInUser operator,
      @ModelAttribute CreateUserRequest form,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    AdminRole.require(operator);
    try {
      UserCreation.Created created =
          creation.create(operator, form.check(), clientAddress.origin(request));
      // Shown once, never cached (ASVS 5.0 §14.3.2); reloading does not create it again because
      // the form is not re-posted without the browser asking first.
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      model.addAttribute("created", created);
      return CREATED_VIEW;
    } catch (ApiProblem problem) {
      response.setStatus(400);
      return show(operator, model, form, errors.of(problem, locale, Map.of()));
    }
  }

  private String show(
      SignedInUser operator, Model model, CreateUserRequest form, Map<String, String> fieldErrors) {
    Map<String, String> values = new java.util.HashMap<>();
    values.put("userId", form.userId());
    values.put("displayName", form.displayName());
    values.put("firstName", form.firstName());
    values.put("lastName", form.lastName());
    values.put("email", form.email());
    model.addAttribute("values", values);
    model.addAttribute("selectedRoles", form.roles() == null ? List.of() : form.roles());
    model.addAttribute("selectedGroups", form.groups() == null ? List.of() : form.groups());
    model.addAttribute("roles", List.of(Role.USER, Role.HELPDESK, Role.ADMIN));
    model.addAttribute("groups", groups.findAll(operator.tenantId()));
    model.addAttribute("errors", fieldErrors);
    return VIEW;
  }
}
