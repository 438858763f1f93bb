package dev.rekey.helpdesk;

import dev.rekey.common.RequestOrigin;
import java.util.UUID;

/**
 * An operator marked a "contact an administrator" request handled (audited as "Helpdesk request
 * handled"). Published once per request: marking it again changes nothing.
 *
 * @param accountId the user who asked for help
 * @param handledBy the operator's account
 * @param reason the request's reason, one of {@link ContactAdmin#REASONS}
 */
public record HelpdeskRequestHandled(
    UUID tenantId,
    UUID requestId,
    UUID accountId,
    UUID handledBy,
    String reason,
    RequestOrigin origin) {}
