package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/import}: an admin uploads a CSV file of users, then {@code /admin/import/{id}}
 * shows the progress (refreshed by {@code js/import-progress.js}, or by the refresh link without
 * script) and finally the refused lines with their reasons.
 */
@Controller
class ImportPageController {

  static final String VIEW = "admin/import";
  static final String JOB_VIEW = "admin/import-job";

  /** A refused line as the report shows it, with the reason in the reader's language. */
  record ShownError(int line, String field, String reason) {}

  private final UserImporter importer;
  private final ImportJobs jobs;
  private final PageErrors errors;
  private final ClientAddress clientAddress;

  ImportPageController(
      UserImporter importer, ImportJobs jobs, PageErrors errors, ClientAddress clientAddress) {
    this.importer = importer;
    this.jobs = jobs;
    this.errors = errors;
    this.clientAddress = clientAddress;
  }

  /**
   * The upload form; {@code upload=too_large} or {@code upload=invalid} is where the multipart
   * filter sends an upload the container could not read.
   */
  @GetMapping("/admin/import")
  String form(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(required = false) @Nullable String upload,
      Model model,
      Locale locale) {
    AdminRole.require(operator);
    String code =
        "too_large".equals(upload)
            ? "file_too_large"
            : "invalid".equals(upload) ? "file_unreadable" : null;
    model.addAttribute(
        "errors",
        code == null ? Map.of() : Map.of("file", errors.message("import.error." + code, locale)));
    return VIEW;
  }

  @PostMapping("/admin/import")
  String upload(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    AdminRole.require(operator);
    try {
      ImportJob job =
          importer.start(operator, ImportFiles.bytes(file), clientAddress.origin(request));
      return "redirect:/admin/import/" + job.id();
    } catch (CsvRejected rejected) {
      response.setStatus(400);
      model.addAttribute(
          "errors", Map.of("file", errors.message("import.error." + rejected.code(), locale)));
      return VIEW;
    } catch (ApiProblem busy) {
      response.setStatus(busy.status().value());
      model.addAttribute("errors", Map.of("file", errors.message(busy.messageKey(), locale)));
      return VIEW;
    }
  }

  @GetMapping("/admin/import/{id}")
  String job(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      Model model,
      Locale locale) {
    AdminRole.require(operator);
    ImportJob job;
    try {
      job = ImportFiles.job(jobs, operator, id);
    } catch (ApiProblem notFound) {
      throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    List<ShownError> shown =
        job.isOver()
            ? jobs.errors(job.id()).stream()
                .map(
                    e ->
                        new ShownError(
                            e.line(),
                            errors.message("import.field." + e.field(), locale),
                            errors.message("import.error." + e.code(), locale)))
                .toList()
            : List.of();
    model.addAttribute("job", job);
    model.addAttribute("rowErrors", shown);
    model.addAttribute("maxShown", ImportJobs.MAX_ERRORS_SHOWN);
    return JOB_VIEW;
  }
}
