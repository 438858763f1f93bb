package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodJson;
import dev.rekey.methods.MethodType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me/authentication/phoneMethods}: register a phone for text messages or calls. */
@RestController
@RequestMapping("/api/v1/me/authentication/phoneMethods")
class PhoneMethodsApiController {

  record PhoneRequest(
      @Nullable String phoneNumber, @Nullable String phoneType, @Nullable String delivery) {}

  record CodeRequest(@Nullable String code) {}

  record PendingJson(UUID id) {}

  private final PhoneMethods phones;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  PhoneMethodsApiController(PhoneMethods phones, ChangeGuard guard, ClientAddress clientAddress) {
    this.phones = phones;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  /** Starts a registration and sends the code: 201 {@code {id}}. */
  @PostMapping
  ResponseEntity<PendingJson> start(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody PhoneRequest body,
      HttpSession session) {
    guard.require(user, session);
    guard.requireOffered(user, MethodType.PHONE);
    PhoneChoice choice = PhoneChoice.parse(body.phoneNumber(), body.phoneType(), body.delivery());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new PendingJson(phones.start(user, choice).id()));
  }

  @PostMapping("/{id}/verify")
  MethodJson verify(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID id,
      @RequestBody CodeRequest body,
      HttpSession session,
      HttpServletRequest request) {
    if (body.code() == null || body.code().isBlank()) {
      throw ApiProblem.invalidField("code", "methods.problem.code.required");
    }
    guard.require(user, session);
    return MethodJson.of(phones.confirm(user, id, body.code(), clientAddress.origin(request)));
  }

  /** Sends a new code; the old one stops working and the failure count stays. */
  @PostMapping("/{id}/resend")
  ResponseEntity<Void> resend(
      @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, HttpSession session) {
    guard.require(user, session);
    phones.resend(user, id);
    return ResponseEntity.accepted().build();
  }
}
