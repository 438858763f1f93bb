package dev.rekey.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details with a stable {@code code} and a localised {@code detail}. */
@Component
class ProblemWriter {

  static final String MEDIA_TYPE = "application/problem+json";

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final JsonMapper json;

  ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  ProblemDetail problem(
      HttpServletRequest request,
      int status,
      String code,
      String messageKey,
      Object[] arguments,
      Map<String, Object> extra) {
    Locale locale = locales.resolveLocale(request);
    ProblemDetail problem = ProblemDetail.forStatus(status);
    HttpStatus known = HttpStatus.resolve(status);
    problem.setTitle(
        messages.getMessage(
            "problem.title." + status,
            null,
            known == null ? "Error" : known.getReasonPhrase(),
            locale));
    problem.setDetail(messages.getMessage(messageKey, arguments, messageKey, locale));
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("code", code);
    extra.forEach(problem::setProperty);
    return problem;
  }

  /** A field error's message in the request's language. */
  String resolve(HttpServletRequest request, MessageSourceResolvable error) {
    return messages.getMessage(error, locales.resolveLocale(request));
  }

  void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
      throws IOException {
    write(response, problem(request, status, code, "problem." + code, new Object[0], Map.of()));
  }

  void writeAccessDenied(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(request, response, 403, denied instanceof CsrfException ? "csrf_invalid" : "forbidden");
  }

  void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    // Spring 7 leaves the type unset by default; RFC 9457 §4.2.1 says absent means about:blank.
    body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
