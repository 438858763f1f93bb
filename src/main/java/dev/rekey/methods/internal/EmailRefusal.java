package dev.rekey.methods.internal;

import dev.rekey.methods.email.EmailAddress;

/** Why a step of registering an alternate email was refused ({@code NONE}: it was not). */
enum EmailRefusal {
  NONE,
  MISSING,
  INVALID,
  TOO_LONG,
  TENANT_DOMAIN,
  LIMIT_REACHED,
  DELIVERY_FAILED,
  NOT_FOUND,
  WRONG_CODE,
  CODE_EXPIRED,
  TOO_MANY_ATTEMPTS;

  static EmailRefusal of(EmailAddress.Problem problem) {
    return switch (problem) {
      case MISSING -> MISSING;
      case TOO_LONG -> TOO_LONG;
      case INVALID -> INVALID;
    };
  }

  /** Whether this is a problem with the address typed (shown at the address field). */
  boolean aboutAddress() {
    return this == MISSING || this == INVALID || this == TOO_LONG || this == TENANT_DOMAIN;
  }

  /** The message key explaining an address problem; the tenant domain is its {0}. */
  String addressMessageKey() {
    return switch (this) {
      case MISSING -> "methods.email.address.required";
      case TOO_LONG -> "methods.email.address.tooLong";
      case TENANT_DOMAIN -> "methods.email.address.tenantDomain";
      default -> "methods.email.address.invalid";
    };
  }
}
