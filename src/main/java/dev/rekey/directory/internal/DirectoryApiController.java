package dev.rekey.directory.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.DirectoryConnections.SettingsRejected;
import dev.rekey.directory.DirectoryConnections.SyncReport;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/directory}: the tenant's LDAP / Active Directory connection. Admins only:
 * the connection holds the service account's secret and decides whose passwords Rekey writes (SPEC
 * Appendix A; ASVS 5.0 §8.2.1), so helpdesk operators may not even read it.
 */
@RestController
@RequestMapping("/api/v1/admin/directory")
@PreAuthorize("hasRole('ADMIN')")
class DirectoryApiController {

  private final JdbcDirectoryConnections connections;
  private final ClientAddress clientAddress;
  private final MessageSource messages;

  DirectoryApiController(
      JdbcDirectoryConnections connections, ClientAddress clientAddress, MessageSource messages) {
    this.connections = connections;
    this.clientAddress = clientAddress;
    this.messages = messages;
  }

  @GetMapping
  DirectoryDocument get(@AuthenticationPrincipal SignedInUser user) {
    return connections
        .find(user.tenantId())
        .map(s -> DirectoryDocument.of(s, connections.hasSecret(user.tenantId())))
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "directory_not_configured"));
  }

  @PutMapping
  DirectoryDocument put(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody DirectoryRequest body,
      HttpServletRequest request) {
    try {
      var saved =
          connections.save(
              user.tenantId(),
              body.draft().toSettings(),
              user.accountId(),
              clientAddress.origin(request));
      return DirectoryDocument.of(saved, connections.hasSecret(user.tenantId()));
    } catch (SettingsRejected rejected) {
      throw rejectedProblem(rejected);
    }
  }

  @DeleteMapping
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
    connections.remove(user.tenantId(), user.accountId(), clientAddress.origin(request));
    return ResponseEntity.noContent().build();
  }

  /** Tries the body's settings, or the stored ones when there is no body; stores nothing. */
  @PostMapping("/test")
  ReportDocument test(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody(required = false) @Nullable DirectoryRequest body,
      Locale locale) {
    try {
      var report =
          body == null
              ? connections
                  .testStored(user.tenantId())
                  .orElseThrow(
                      () -> new ApiProblem(HttpStatus.CONFLICT, "directory_not_configured"))
              : connections.test(user.tenantId(), body.draft().toSettings());
      return ReportDocument.of(report, messages, locale);
    } catch (SettingsRejected rejected) {
      throw rejectedProblem(rejected);
    }
  }

  @PostMapping("/sync")
  SyncReport sync(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
    if (!connections.isConnected(user.tenantId())) {
      throw new ApiProblem(HttpStatus.CONFLICT, "directory_not_configured");
    }
    try {
      return connections.synchronise(
          user.tenantId(), user.accountId(), clientAddress.origin(request));
    } catch (DirectoryUnavailable unavailable) {
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "directory_unavailable");
    } catch (IllegalStateException switchedOff) {
      throw new ApiProblem(HttpStatus.CONFLICT, "directory_not_configured");
    }
  }

  /**
   * 422 naming the field; {@code reason} is the field's code ({@code code} is the problem's own,
   * {@code directory_settings}, like every other problem's).
   */
  private static ApiProblem rejectedProblem(SettingsRejected rejected) {
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "directory_settings",
        DirectoryFields.messageKey(rejected),
        new Object[0],
        Map.of("field", rejected.field(), "reason", rejected.code()));
  }
}
