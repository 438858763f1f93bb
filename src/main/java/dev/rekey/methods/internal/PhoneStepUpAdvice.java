package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The step-up page sends codes through {@link PhoneMethods#challenge}: when the budget is spent or
 * the gateway fails, say so on a page of its own (429/503) instead of an error page.
 */
@ControllerAdvice(assignableTypes = StepUpController.class)
class PhoneStepUpAdvice {

  static final String VIEW = "methods/phone/refused";

  @ExceptionHandler(ApiProblem.class)
  ModelAndView refused(ApiProblem problem, HttpServletRequest request) {
    ModelAndView page = new ModelAndView(VIEW);
    page.setStatus(HttpStatus.valueOf(problem.status().value()));
    page.addObject("error", problem.messageKey());
    // Exception handlers get no @ModelAttribute values: give the layout what it needs.
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    page.addObject(
        "me",
        authentication != null && authentication.getPrincipal() instanceof SignedInUser user
            ? user
            : null);
    page.addObject(
        "lang", "nl".equals(RequestContextUtils.getLocale(request).getLanguage()) ? "nl" : "en");
    page.addObject("currentPath", StepUpController.PAGE);
    return page;
  }
}
