package dev.rekey.reset.internal;

import org.springframework.http.HttpStatus;

/**
 * Why the portal cannot go on, with the API's {@code code} (SPEC §6) and the matching Microsoft
 * Entra code for admins who know those. The message key is {@code problem.<code>}.
 */
enum Refusal {
  CAPTCHA_INVALID("captcha_invalid", HttpStatus.BAD_REQUEST, null),
  RATE_LIMITED("rate_limited", HttpStatus.TOO_MANY_REQUESTS, null),
  NOT_ENABLED("not_enabled", HttpStatus.FORBIDDEN, "SSPR_0009"),
  NOT_REGISTERED("not_registered", HttpStatus.FORBIDDEN, "SSPR_0014"),
  PASSWORD_NOT_MANAGED("password_not_managed", HttpStatus.FORBIDDEN, "SSPR_0010"),
  DIRECTORY_UNAVAILABLE("directory_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "SSPR_0030"),
  BLOCKED("blocked", HttpStatus.TOO_MANY_REQUESTS, null),
  NOT_AVAILABLE("not_available", HttpStatus.FORBIDDEN, null),
  FLOW_EXPIRED("flow_expired", HttpStatus.NOT_FOUND, null),
  FLOW_CONFLICT("flow_conflict", HttpStatus.CONFLICT, null),
  VERIFICATION_FAILED("verification_failed", HttpStatus.BAD_REQUEST, null),
  VERIFICATION_INCOMPLETE("verification_incomplete", HttpStatus.CONFLICT, null),
  METHOD_NOT_AVAILABLE("method_not_available", HttpStatus.BAD_REQUEST, null),
  PHONE_MISMATCH("phone_mismatch", HttpStatus.BAD_REQUEST, null),
  CANNOT_UNLOCK("cannot_unlock", HttpStatus.CONFLICT, null),
  DELIVERY_FAILED("delivery_failed", HttpStatus.SERVICE_UNAVAILABLE, null),
  SMS_BUDGET_EXCEEDED("sms_budget_exceeded", HttpStatus.TOO_MANY_REQUESTS, null),
  /** The tenant set its own helpdesk link: that replaces "contact an administrator" (SPEC §3). */
  HELPDESK_LINK("helpdesk_link", HttpStatus.CONFLICT, null);

  private final String code;
  private final HttpStatus status;
  private final String entraCode;

  Refusal(String code, HttpStatus status, String entraCode) {
    this.code = code;
    this.status = status;
    this.entraCode = entraCode;
  }

  String code() {
    return code;
  }

  HttpStatus status() {
    return status;
  }

  /** Entra's code, or null where Entra has none. */
  String entraCode() {
    return entraCode;
  }

  /** Refusals that say something about the account: the uniform-response setting hides them. */
  boolean aboutTheAccount() {
    return this == NOT_ENABLED || this == NOT_REGISTERED || this == PASSWORD_NOT_MANAGED;
  }

  /** Whether "contact an administrator" is offered (seed errors 2 and 3, and the blocked page). */
  boolean offersContact() {
    return this == NOT_ENABLED || this == NOT_REGISTERED || this == BLOCKED;
  }
}
