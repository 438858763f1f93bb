package dev.rekey.web.internal;

import dev.rekey.directory.SignedInUser;
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

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
