package dev.rekey.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders every error that reaches the container: a localised page for people, problem details for
 * {@code /api/**}. Never a stack trace (ASVS 5.0 §16.5.1).
 */
@Controller
class ErrorPages implements ErrorController {

  static final String VIEW = "web/error";

  private final ProblemWriter problems;

  ErrorPages(ProblemWriter problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  String error(HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    int status = statusOf(request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    if (path.startsWith(request.getContextPath() + "/api/")) {
      String code = codeFor(status);
      problems.write(
          response,
          problems.problem(request, status, code, "problem." + code, new Object[0], Map.of()));
      return null;
    }
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("messageKey", "error.page." + (knownPage(status) ? status : "other"));
    return VIEW;
  }

  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_requests";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "invalid_request";
    };
  }

  private static boolean knownPage(int status) {
    return status == 400 || status == 403 || status == 404 || status == 405 || status == 500;
  }

  private static int statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer i && i >= 400 ? i : 500;
  }
}
