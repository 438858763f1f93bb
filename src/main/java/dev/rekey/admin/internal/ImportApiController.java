package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * CSV user imports (admin only): {@code POST /api/v1/admin/imports} with a multipart {@code file} →
 * 202 {@code {id}}; {@code GET /api/v1/admin/imports/{id}} → progress and the refused rows, each
 * reason in the caller's language.
 */
@RestController
class ImportApiController {

  record Started(UUID id) {}

  record Error(int line, String field, String code, String message) {}

  record Progress(
      UUID id,
      String status,
      int total,
      int done,
      int ok,
      int failed,
      int percent,
      List<Error> errors) {}

  private final UserImporter importer;
  private final ImportJobs jobs;
  private final MessageSource messages;
  private final ClientAddress clientAddress;

  ImportApiController(
      UserImporter importer, ImportJobs jobs, MessageSource messages, ClientAddress clientAddress) {
    this.importer = importer;
    this.jobs = jobs;
    this.messages = messages;
    this.clientAddress = clientAddress;
  }

  @PostMapping("/api/v1/admin/imports")
  ResponseEntity<Started> start(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      HttpServletRequest request)
      throws IOException {
    AdminRole.require(operator);
    ImportJob job;
    try {
      job = importer.start(operator, ImportFiles.bytes(file), clientAddress.origin(request));
    } catch (CsvRejected rejected) {
      throw ApiProblem.invalidField("file", "import.error." + rejected.code());
    }
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/admin/imports/" + job.id()))
        .body(new Started(job.id()));
  }

  @GetMapping("/api/v1/admin/imports/{id}")
  Progress progress(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request) {
    AdminRole.require(operator);
    ImportJob job = ImportFiles.job(jobs, operator, id);
    var locale = RequestContextUtils.getLocale(request);
    List<Error> errors =
        jobs.errors(job.id()).stream()
            .map(
                e ->
                    new Error(
                        e.line(),
                        e.field(),
                        e.code(),
                        messages.getMessage("import.error." + e.code(), null, e.code(), locale)))
            .toList();
    return new Progress(
        job.id(),
        job.status(),
        job.total(),
        job.done(),
        job.ok(),
        job.failed(),
        job.percent(),
        errors);
  }
}
