package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodJson;
import dev.rekey.methods.Requirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me/authentication}: the signed-in user's own methods (SPEC Appendix A). */
@RestController
@RequestMapping("/api/v1/me/authentication")
class MethodsApiController {

  record RequirementsJson(
      boolean ssprEnabled,
      int requiredMethods,
      int registeredMethods,
      boolean isRegistered,
      List<String> availableTypes,
      boolean reconfirmDue) {}

  record DefaultRequest(@Nullable UUID methodId) {}

  private final DefaultSecurityInfo info;
  private final SecurityInfoChanges changes;
  private final ChangeGuard guard;
  private final AccountDirectory directory;
  private final ClientAddress clientAddress;

  MethodsApiController(
      DefaultSecurityInfo info,
      SecurityInfoChanges changes,
      ChangeGuard guard,
      AccountDirectory directory,
      ClientAddress clientAddress) {
    this.info = info;
    this.changes = changes;
    this.guard = guard;
    this.directory = directory;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/methods")
  List<MethodJson> methods(@AuthenticationPrincipal SignedInUser user) {
    return info.methods(user.accountId()).stream().map(MethodJson::of).toList();
  }

  @GetMapping("/requirements")
  RequirementsJson requirements(@AuthenticationPrincipal SignedInUser user) {
    Requirements r = info.requirements(directory.findById(user.accountId()).orElseThrow());
    return new RequirementsJson(
        r.ssprEnabled(),
        r.requiredMethods(),
        r.registeredMethods(),
        r.isRegistered(),
        r.availableTypes().stream().map(t -> t.code()).sorted().toList(),
        r.reconfirmDue());
  }

  @DeleteMapping("/methods/{id}")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID id,
      HttpSession session,
      HttpServletRequest request) {
    guard.require(user, session);
    if (!changes.delete(user.accountId(), id, clientAddress.origin(request))) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found");
    }
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/default")
  ResponseEntity<Void> makeDefault(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody DefaultRequest body,
      HttpSession session,
      HttpServletRequest request) {
    if (body.methodId() == null) {
      throw ApiProblem.invalidField("methodId", "methods.problem.methodId.required");
    }
    guard.require(user, session);
    if (!changes.makeDefault(user.accountId(), body.methodId(), clientAddress.origin(request))) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found");
    }
    return ResponseEntity.noContent().build();
  }
}
