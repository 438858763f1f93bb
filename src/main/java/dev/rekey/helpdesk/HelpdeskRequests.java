package dev.rekey.helpdesk;

import dev.rekey.common.RequestOrigin;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * "Contact an administrator" (SPEC §5 step 6): a user who cannot reset on their own asks the
 * tenant's helpdesk for help; the request waits in the admin console until someone handles it.
 */
public interface HelpdeskRequests {

  /**
   * Records a request and emails the tenant's helpdesk operators and admins (at most {@link
   * #MAX_RECIPIENTS}), each in their own language. When the account already has an open request
   * from the last hour, nobody is emailed again and that request is returned. Publishes {@link
   * AdminContacted} either way (audited as "Contacted admin").
   *
   * @throws IllegalArgumentException when the account is not one of the tenant's
   */
  HelpdeskRequest contact(ContactAdmin request);

  /**
   * One page of a tenant's requests, newest first.
   *
   * @param status only requests with this status; null for all
   * @param page the page number, from 0
   * @param size the page size, 1 to {@link #MAX_PAGE_SIZE}
   * @throws IllegalArgumentException for a negative page or a size out of range
   */
  Page<HelpdeskRequest> list(UUID tenantId, @Nullable Status status, int page, int size);

  /** One of a tenant's requests; empty for an unknown id or another tenant's request. */
  Optional<HelpdeskRequest> find(UUID tenantId, UUID requestId);

  /**
   * Marks a request handled by an operator and publishes {@link HelpdeskRequestHandled} (audited).
   * Marking one that is already handled changes nothing and publishes nothing (the first operator
   * stays recorded).
   *
   * @param origin the operator's client address and browser
   * @return false when the tenant has no such request
   */
  boolean markHandled(UUID tenantId, UUID requestId, UUID handledBy, RequestOrigin origin);

  int MAX_RECIPIENTS = 100;
  int DEFAULT_PAGE_SIZE = 50;
  int MAX_PAGE_SIZE = 500;

  /** Whether someone has taken care of a request. */
  enum Status {
    OPEN,
    HANDLED;

    /** The lower-case name used in the database and the API. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this code, ignoring case and surrounding blanks. */
    public static Optional<Status> fromCode(String code) {
      for (Status status : values()) {
        if (status.code().equalsIgnoreCase(code.strip())) {
          return Optional.of(status);
        }
      }
      return Optional.empty();
    }
  }
}
