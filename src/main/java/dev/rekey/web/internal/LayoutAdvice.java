package dev.rekey.web.internal;

import dev.rekey.directory.SignedInUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every page's layout needs: the signed-in user, the language and the current path. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

  @ModelAttribute("me")
  @Nullable SignedInUser me() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
        ? user
        : null;
  }

  @ModelAttribute("lang")
  String lang(HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    return "nl".equals(locale.getLanguage()) ? "nl" : "en";
  }

  /**
   * The page's own path, for the language links. On an error page that is the path that failed, not
   * {@code /error} (which would render a 500 in the other language). Anything that is not a plain
   * local path becomes {@code /}, so a crafted URL cannot turn the links into {@code //other.host}
   * (an open redirect).
   */
  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = failed instanceof String s ? s : request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    boolean local = path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0;
    return local ? path : "/";
  }
}
