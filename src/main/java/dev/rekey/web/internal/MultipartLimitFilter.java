package dev.rekey.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a {@code multipart/form-data} body before anything else asks for a parameter. An upload
 * over {@code spring.servlet.multipart.*} otherwise fails inside the first {@code getParameter}
 * (the CSRF check), and again on the error page, and the browser gets the container's bare 413.
 * Here it gets a clear answer instead: a 413 problem for the API, and for a page a redirect back to
 * it with {@code ?upload=too_large} (or {@code ?upload=invalid}) for the page to explain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MultipartLimitFilter extends OncePerRequestFilter {

  private final ProblemWriter problems;

  MultipartLimitFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean tooLarge;
    try {
      request.getParts();
      chain.doFilter(request, response);
      return;
    } catch (IllegalStateException | IOException | ServletException unreadable) {
      tooLarge = mentionsLimit(unreadable);
    }
    String path = request.getRequestURI();
    if (path.startsWith(request.getContextPath() + "/api/")) {
      if (tooLarge) {
        problems.write(request, response, 413, "payload_too_large");
      } else {
        problems.write(request, response, 400, "invalid_request");
      }
      return;
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", path + "?upload=" + (tooLarge ? "too_large" : "invalid"));
  }

  /** Tomcat's size errors say the field or request "exceeds" its maximum. */
  private static boolean mentionsLimit(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("exceed")) {
        return true;
      }
    }
    return false;
  }
}
