package dev.rekey.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a user who signed in with a temporary password on the change-password page until they
 * choose their own (ASVS 5.0 §6.4.6: the initial or reset password must be changed at first use).
 * Built by {@link SecurityConfiguration}, not a bean: a Filter bean would also run outside the
 * security chain.
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

  /** Session attribute set at sign-in when the account must change its password. */
  static final String ATTRIBUTE = "rekey.mustChangePassword";

  private static final List<String> ALLOWED =
      List.of(
          "/change-password",
          "/api/v1/me/password",
          "/api/v1/session",
          "/logout",
          "/login",
          "/css/",
          "/js/",
          "/img/",
          "/error",
          "/favicon.ico");

  private final ProblemWriter problems;

  MustChangePasswordFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session == null || !Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE))) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (ALLOWED.stream().anyMatch(path::startsWith)) {
      chain.doFilter(request, response);
    } else if (path.startsWith("/api/")) {
      problems.write(request, response, 403, "password_change_required");
    } else {
      response.sendRedirect(request.getContextPath() + "/change-password");
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }
}
