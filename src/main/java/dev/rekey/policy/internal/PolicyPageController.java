package dev.rekey.policy.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Groups;
import dev.rekey.directory.SignedInUser;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.PolicyRejected;
import dev.rekey.policy.PolicyViolation;
import dev.rekey.policy.PredefinedQuestions;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanges;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/policy}: the SSPR policy page. Helpdesk operators see it read-only; only admins
 * save (SPEC Appendix A: "helpdesk may not change policy").
 */
@Controller
@RequestMapping("/admin/policy")
class PolicyPageController {

  static final String VIEW = "policy/edit";

  private final SsprPolicies policies;
  private final Groups groups;
  private final ClientAddress clientAddress;

  PolicyPageController(SsprPolicies policies, Groups groups, ClientAddress clientAddress) {
    this.policies = policies;
    this.groups = groups;
    this.clientAddress = clientAddress;
  }

  @GetMapping
  String show(@AuthenticationPrincipal SignedInUser user, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", PolicyForms.of(policies.get(user.tenantId())));
    }
    return view(user, model);
  }

  @PostMapping
  @PreAuthorize("hasRole('ADMIN')")
  String save(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") PolicyForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    SsprPolicy current = policies.get(user.tenantId());
    SsprPolicyChanges changes = PolicyForms.toChanges(form, current, result);
    try {
      if (result.hasErrors()) {
        // Something did not parse: report the rest as well, and save nothing.
        reject(policies.check(user.tenantId(), changes), result);
        return view(user, model);
      }
      policies.update(user.tenantId(), changes, user.accountId(), clientAddress.origin(request));
    } catch (PolicyRejected rejected) {
      reject(rejected.violations(), result);
      return view(user, model);
    } catch (OptimisticLockingFailureException concurrent) {
      result.reject("policy.problem.conflict");
      return view(user, model);
    }
    redirect.addFlashAttribute("notice", "policy.saved");
    return "redirect:/admin/policy";
  }

  /** Adds each violation to its field, unless that field already shows an error. */
  private static void reject(List<PolicyViolation> violations, BindingResult result) {
    for (PolicyViolation violation : violations) {
      if (!result.hasFieldErrors(violation.field())) {
        result.rejectValue(
            violation.field(), violation.messageKey(), violation.argumentArray(), null);
      }
    }
  }

  private String view(SignedInUser user, Model model) {
    model.addAttribute("groups", groups.findAll(user.tenantId()));
    model.addAttribute("enabledForValues", EnabledFor.values());
    model.addAttribute("methods", AuthMethodType.values());
    model.addAttribute("questionIds", PredefinedQuestions.ids());
    model.addAttribute("readOnly", !user.isAdmin());
    return VIEW;
  }
}
