package dev.rekey.web.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.throttle.ThrottleUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * RFC 9457 problem details for every REST controller, each with a stable {@code code} and a {@code
 * detail} in the caller's language. Nothing internal (stack traces, SQL, class names) leaks.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final ProblemWriter problems;

  ApiExceptionHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
    return respond(
        problems.problem(
            request,
            problem.status().value(),
            problem.code(),
            problem.messageKey(),
            problem.arguments(),
            problem.extra()));
  }

  /** The tenant's LDAP / Active Directory server did not answer; nothing was changed (issue 6). */
  @ExceptionHandler(DirectoryUnavailable.class)
  ResponseEntity<ProblemDetail> directoryUnavailable(HttpServletRequest request) {
    return respond(
        problems.problem(
            request,
            503,
            "directory_unavailable",
            "problem.directory.unavailable",
            new Object[0],
            Map.of()));
  }

  /**
   * The shared throttle storage (Redis) did not answer: the throttle fails closed, nothing was
   * checked or changed (docs/operations.md).
   */
  @ExceptionHandler(ThrottleUnavailable.class)
  ResponseEntity<ProblemDetail> throttleUnavailable(
      ThrottleUnavailable unavailable, HttpServletRequest request) {
    log.warn("Throttle storage unavailable: {}", unavailable.getMessage());
    return respond(
        problems.problem(
            request,
            503,
            "throttle_unavailable",
            "problem.throttle.unavailable",
            new Object[0],
            Map.of()));
  }

  /** The directory's own password policy refused; its reasons, nothing changed. */
  @ExceptionHandler(DirectoryPasswordRefused.class)
  ResponseEntity<ProblemDetail> directoryRefused(
      DirectoryPasswordRefused refused, HttpServletRequest request) {
    return respond(
        problems.problem(
            request,
            422,
            "directory_refused",
            "problem.directory.refused",
            new Object[0],
            Map.of("reasons", refused.reasons())));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return invalid(request, e.getName(), "problem.invalid_request.type");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
    return respond(
        problems.problem(request, 403, "forbidden", "problem.forbidden", new Object[0], Map.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        problems.problem(
            request, 500, "internal_error", "problem.internal_error", new Object[0], Map.of()));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest web) {
    HttpServletRequest request = servlet(web);
    FieldError field = e.getBindingResult().getFieldError();
    String name = field != null ? field.getField() : e.getBindingResult().getObjectName();
    ProblemDetail problem =
        problems.problem(
            request,
            400,
            "invalid_request",
            "problem.invalid_request",
            new Object[0],
            Map.of("field", name));
    if (field != null && field.getDefaultMessage() != null) {
      problem.setDetail(problems.resolve(request, field));
    }
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest web) {
    HttpServletRequest request = servlet(web);
    if (ApiBodyLimitFilter.isTooLarge(e)) {
      return widen(
          respond(
              problems.problem(
                  request,
                  413,
                  "payload_too_large",
                  "problem.payload_too_large",
                  new Object[0],
                  Map.of())));
    }
    String field = fieldOf(e);
    if (field != null) {
      return widen(invalid(request, field, "problem.invalid_request.type"));
    }
    return widen(
        respond(
            problems.problem(
                request,
                400,
                "invalid_request",
                "problem.invalid_request.body",
                new Object[0],
                Map.of())));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest web) {
    return widen(invalid(servlet(web), e.getParameterName(), "problem.invalid_request.missing"));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest web) {
    String name =
        e.getParameterValidationResults().stream()
            .findFirst()
            .map(r -> r.getMethodParameter().getParameterName())
            .orElse("request");
    return widen(invalid(servlet(web), name == null ? "request" : name, "problem.invalid_request"));
  }

  /** Every other Spring MVC error keeps its status and gets a code derived from it. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest web) {
    String code = ErrorPages.codeFor(status.value());
    ProblemDetail problem =
        problems.problem(
            servlet(web), status.value(), code, "problem." + code, new Object[0], Map.of());
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private ResponseEntity<ProblemDetail> invalid(
      HttpServletRequest request, String field, String key) {
    return respond(
        problems.problem(
            request, 400, "invalid_request", key, new Object[] {field}, Map.of("field", field)));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
    return (ResponseEntity) entity;
  }

  /** The JSON path of the field Jackson could not read, such as {@code answers[0].questionId}. */
  private static @Nullable String fieldOf(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof DatabindException)) {
      cause = cause.getCause();
    }
    if (cause instanceof DatabindException databind) {
      List<?> path = databind.getPath();
      if (!path.isEmpty()) {
        StringBuilder field = new StringBuilder();
        for (var reference : databind.getPath()) {
          if (reference.getPropertyName() != null) {
            field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            field.append('[').append(reference.getIndex()).append(']');
          }
        }
        return field.isEmpty() ? null : field.toString();
      }
    }
    return null;
  }

  private static HttpServletRequest servlet(WebRequest web) {
    return ((NativeWebRequest) web).getNativeRequest(HttpServletRequest.class);
  }

  static HttpStatus statusOf(int code) {
    HttpStatus status = HttpStatus.resolve(code);
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
