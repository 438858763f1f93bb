package dev.rekey.methods.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Choosing and answering security questions on the security info page. */
@Controller
class QuestionMethodController {

  static final String VIEW = "methods/questions/answers";
  static final String PAGE = SecurityInfoController.PAGE + "/questions";

  private final QuestionCatalog catalog;
  private final QuestionMethods questions;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  QuestionMethodController(
      QuestionCatalog catalog,
      QuestionMethods questions,
      ChangeGuard guard,
      ClientAddress clientAddress) {
    this.catalog = catalog;
    this.questions = questions;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  @PostMapping(PAGE)
  String start(
      @AuthenticationPrincipal SignedInUser user,
      HttpSession session,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE);
    if (gate != null) {
      return gate;
    }
    Optional<QuestionCatalog.Offer> offer = catalog.offer(user.accountId(), locale);
    if (offer.isEmpty()) {
      return notAvailable(redirect);
    }
    model.addAttribute("form", QuestionForm.blank(offer.get().required()));
    return show(user, offer.get(), model);
  }

  @PostMapping(PAGE + "/save")
  String save(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("form") QuestionForm form,
      BindingResult errors,
      HttpSession session,
      HttpServletRequest request,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    String gate = guard.redirectFor(user, session, SecurityInfoController.PAGE);
    if (gate != null) {
      return gate;
    }
    Optional<QuestionCatalog.Offer> offer = catalog.offer(user.accountId(), locale);
    if (offer.isEmpty()) {
      return notAvailable(redirect);
    }
    // A tampered form with too few or too many pairs is shown again with the right number.
    while (form.getAnswers().size() < offer.get().required()) {
      form.getAnswers().add(new QuestionForm.Entry());
    }
    while (form.getAnswers().size() > offer.get().required()) {
      form.getAnswers().remove(form.getAnswers().size() - 1);
    }
    QuestionMethods.Saved saved =
        questions.save(user, offer.get(), form.inputs(), clientAddress.origin(request));
    if (saved.method() != null) {
      redirect.addFlashAttribute("notice", "methods.questions.added");
      return "redirect:" + SecurityInfoController.PAGE;
    }
    for (QuestionRules.Violation v : saved.violations()) {
      errors.rejectValue(v.field(), v.messageKey(), v.arguments(), v.messageKey());
    }
    return show(user, offer.get(), model);
  }

  private String show(SignedInUser user, QuestionCatalog.Offer offer, Model model) {
    model.addAttribute("questions", offer.questions());
    model.addAttribute("replaces", questions.hasSet(user.accountId()));
    return VIEW;
  }

  private static String notAvailable(RedirectAttributes redirect) {
    redirect.addFlashAttribute("notice", "methods.questions.notAvailable");
    return "redirect:" + SecurityInfoController.PAGE;
  }
}
