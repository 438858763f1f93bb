package dev.rekey.audit.internal;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditPage;
import dev.rekey.audit.AuditProperties;
import dev.rekey.audit.AuditQuery;
import dev.rekey.common.ApiProblem;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/audit}: the caller's tenant's audit events, newest first, as JSON pages
 * or (with {@code Accept: text/csv} or {@code ?format=csv}) as one CSV file. Helpdesk and admins
 * only, which the security configuration enforces for {@code /api/v1/admin/**}.
 */
@RestController
@RequestMapping("/api/v1/admin/audit")
class AuditApiController {

  static final String CSV = "text/csv";
  static final List<String> CSV_HEADER =
      List.of(
          "id",
          "time",
          "activity",
          "result",
          "actor",
          "userId",
          "method",
          "reason",
          "clientIp",
          "userAgent",
          "flowId",
          "details");

  record Item(
      UUID id,
      Instant time,
      String activity,
      String result,
      String actor,
      @Nullable String userId,
      @Nullable String method,
      @Nullable String reason,
      String clientIp,
      String userAgent,
      @Nullable String flowId,
      @JsonRawValue @Nullable String details) {

    /** The details go out as stored JSON, nulls included (the API's mapper would drop them). */
    static Item of(AuditEvent e, AuditDetails details) {
      return new Item(
          e.id(),
          e.occurredAt(),
          e.activity(),
          e.result(),
          e.actorLabel(),
          e.targetLabel(),
          e.method(),
          e.reason(),
          e.clientIp(),
          e.userAgent(),
          e.flowId(),
          details.write(e.details()));
    }
  }

  record Page(List<Item> items, int page, int size, long totalItems) {}

  private final AuditLog log;
  private final AuditDetails details;
  private final AuditProperties properties;

  AuditApiController(AuditLog log, AuditDetails details, AuditProperties properties) {
    this.log = log;
    this.details = details;
    this.properties = properties;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Page list(@AuthenticationPrincipal SignedInUser user, AuditFilter filter) {
    AuditPage page = log.find(query(user, filter));
    return new Page(
        page.items().stream().map(e -> Item.of(e, details)).toList(),
        page.page(),
        page.size(),
        page.totalItems());
  }

  @GetMapping(produces = CSV)
  void csv(
      @AuthenticationPrincipal SignedInUser user, AuditFilter filter, HttpServletResponse response)
      throws IOException {
    writeCsv(query(user, filter), response);
  }

  /** The same CSV for a plain link, which cannot set the Accept header. */
  @GetMapping(params = "format=csv")
  void csvByParameter(
      @AuthenticationPrincipal SignedInUser user, AuditFilter filter, HttpServletResponse response)
      throws IOException {
    writeCsv(query(user, filter), response);
  }

  private AuditQuery query(SignedInUser user, AuditFilter filter) {
    AuditFilter.Parsed parsed = filter.parse(user.tenantId(), properties.timeZone());
    if (parsed.query() == null) {
      AuditFilter.Problem first = parsed.problems().get(0);
      throw ApiProblem.invalidField(first.field(), first.messageKey());
    }
    return parsed.query();
  }

  /** Streams rows as they are read: an export of the full cap never sits in memory. */
  private void writeCsv(AuditQuery query, HttpServletResponse response) throws IOException {
    long total = log.find(query.withPage(0, 1)).totalItems();
    response.setContentType(CSV + ";charset=UTF-8;header=present");
    response.setCharacterEncoding("UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename("rekey-audit.csv").build().toString());
    // How many rows matched, so a client can tell when the export hit the cap.
    response.setHeader("X-Total-Count", Long.toString(total));
    Writer out = response.getWriter();
    AuditCsv csv = new AuditCsv(out);
    csv.row(CSV_HEADER);
    log.forEach(
        query,
        properties.csvMaxRows(),
        e ->
            csv.row(
                Arrays.asList(
                    e.id(),
                    e.occurredAt(),
                    e.activity(),
                    e.result(),
                    e.actorLabel(),
                    e.targetLabel(),
                    e.method(),
                    e.reason(),
                    e.clientIp(),
                    e.userAgent(),
                    e.flowId(),
                    details.json(e.details()))));
    out.flush();
  }
}
