package dev.rekey.web.internal;

import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.throttle.ThrottleUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages whose action needs the tenant's LDAP / Active Directory server (an admin's unlock or
 * temporary password for a directory user) say in words that it did not answer, or refused, instead
 * of showing a generic error (issue 6). Nothing was changed in either case. The same for the shared
 * throttle storage (Redis) when it does not answer: the throttle fails closed with a 503 page. API
 * calls are answered by {@link ApiExceptionHandler}, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class DirectoryErrorAdvice {

  private final LayoutAdvice layout;

  DirectoryErrorAdvice(LayoutAdvice layout) {
    this.layout = layout;
  }

  @ExceptionHandler(DirectoryUnavailable.class)
  ModelAndView unavailable(HttpServletRequest request) {
    return page(request, HttpStatus.SERVICE_UNAVAILABLE, "error.page.directory_unavailable");
  }

  @ExceptionHandler(ThrottleUnavailable.class)
  ModelAndView throttleUnavailable(HttpServletRequest request) {
    return page(request, HttpStatus.SERVICE_UNAVAILABLE, "error.page.throttle_unavailable");
  }

  @ExceptionHandler(DirectoryPasswordRefused.class)
  ModelAndView refused(HttpServletRequest request) {
    return page(request, HttpStatus.UNPROCESSABLE_CONTENT, "error.page.directory_refused");
  }

  private ModelAndView page(HttpServletRequest request, HttpStatus status, String messageKey) {
    ModelAndView page = new ModelAndView(ErrorPages.VIEW);
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("messageKey", messageKey);
    // Exception handlers get no @ModelAttribute values: give the layout what it needs.
    page.addObject("me", layout.me());
    page.addObject("lang", layout.lang(request));
    page.addObject("currentPath", layout.currentPath(request));
    return page;
  }
}
