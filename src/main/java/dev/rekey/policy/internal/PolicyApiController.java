package dev.rekey.policy.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.SignedInUser;
import dev.rekey.policy.PolicyRejected;
import dev.rekey.policy.PolicyViolation;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/policies/sspr}: helpdesk and admins read the policy; only admins change it
 * (SPEC Appendix A: "helpdesk may not change policy").
 */
@RestController
@RequestMapping("/api/v1/admin/policies/sspr")
class PolicyApiController {

  private final SsprPolicies policies;
  private final Groups groups;
  private final ClientAddress clientAddress;
  private final MessageSource messages;

  PolicyApiController(
      SsprPolicies policies, Groups groups, ClientAddress clientAddress, MessageSource messages) {
    this.policies = policies;
    this.groups = groups;
    this.clientAddress = clientAddress;
    this.messages = messages;
  }

  @GetMapping
  PolicyDocument get(@AuthenticationPrincipal SignedInUser user) {
    return document(policies.get(user.tenantId()));
  }

  @PutMapping
  @PreAuthorize("hasRole('ADMIN')")
  PolicyDocument put(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody PolicyRequest body,
      HttpServletRequest request,
      Locale locale) {
    try {
      return document(
          policies.update(
              user.tenantId(), body.toChanges(), user.accountId(), clientAddress.origin(request)));
    } catch (PolicyRejected rejected) {
      throw invalid(rejected.violations(), locale);
    } catch (OptimisticLockingFailureException concurrent) {
      throw new ApiProblem(
          HttpStatus.CONFLICT, "conflict", "policy.problem.conflict", new Object[0], Map.of());
    }
  }

  /** 400 naming the first offending field, with every violation in {@code errors}. */
  private ApiProblem invalid(List<PolicyViolation> violations, Locale locale) {
    PolicyViolation first = violations.get(0);
    List<Map<String, String>> errors =
        violations.stream()
            .map(
                v ->
                    Map.of(
                        "field",
                        v.field(),
                        "message",
                        messages.getMessage(v.messageKey(), v.argumentArray(), locale)))
            .toList();
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid_request",
        first.messageKey(),
        first.argumentArray(),
        Map.of("field", first.field(), "errors", errors));
  }

  private PolicyDocument document(SsprPolicy policy) {
    @Nullable String groupName =
        policy.selectedGroup() == null
            ? null
            : groups.findById(policy.selectedGroup()).map(Group::name).orElse(null);
    return PolicyDocument.of(policy, groupName);
  }
}
