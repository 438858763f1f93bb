package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Account;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/groups}: an admin sees the groups with their member counts, creates groups, adds
 * and removes users by user ID and nests groups.
 */
@Controller
class GroupsPageController {

  static final String VIEW = "admin/groups";
  private static final String BACK = "redirect:/admin/groups";

  private final Groups groups;
  private final GroupAdmin admin;
  private final PageErrors errors;
  private final ClientAddress clientAddress;

  GroupsPageController(
      Groups groups, GroupAdmin admin, PageErrors errors, ClientAddress clientAddress) {
    this.groups = groups;
    this.admin = admin;
    this.errors = errors;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/admin/groups")
  String list(@AuthenticationPrincipal SignedInUser operator, Model model) {
    AdminRole.require(operator);
    return show(operator, model, Map.of(), Map.of());
  }

  @PostMapping("/admin/groups")
  String create(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(required = false) @Nullable String name,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    AdminRole.require(operator);
    try {
      Group group = admin.create(operator, name, clientAddress.origin(request));
      redirect.addFlashAttribute(
          "notice", errors.message("groups.notice.created", locale, group.name()));
      return BACK;
    } catch (ApiProblem problem) {
      response.setStatus(400);
      return show(
          operator, model, errors.of(problem, locale, Map.of()), Map.of("name", value(name)));
    }
  }

  @PostMapping("/admin/groups/members")
  String member(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(required = false) @Nullable String groupId,
      @RequestParam(required = false) @Nullable String userId,
      @RequestParam(required = false) @Nullable String action,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    AdminRole.require(operator);
    Map<String, String> typed =
        Map.of("memberGroup", value(groupId), "memberUserId", value(userId));
    try {
      Group group = group(operator, groupId, "memberGroup");
      String notice;
      if ("remove".equals(action)) {
        Account account = removable(operator, userId);
        admin.removeMember(operator, group, account.id().toString(), clientAddress.origin(request));
        notice = errors.message("groups.notice.removed", locale, account.upn(), group.name());
      } else {
        Account account = admin.addMember(operator, group, userId, clientAddress.origin(request));
        notice = errors.message("groups.notice.added", locale, account.upn(), group.name());
      }
      redirect.addFlashAttribute("notice", notice);
      return BACK;
    } catch (ApiProblem problem) {
      response.setStatus(400);
      Map<String, String> ids = Map.of("userId", "memberUserId", "groupId", "memberGroup");
      return show(operator, model, errors.of(problem, locale, ids), typed);
    }
  }

  @PostMapping("/admin/groups/nest")
  String nest(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(required = false) @Nullable String groupId,
      @RequestParam(required = false) @Nullable String childId,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    AdminRole.require(operator);
    try {
      Group parent = group(operator, groupId, "nestParent");
      Group child = admin.nest(operator, parent, childId, clientAddress.origin(request));
      redirect.addFlashAttribute(
          "notice", errors.message("groups.notice.nested", locale, child.name(), parent.name()));
      return BACK;
    } catch (ApiProblem problem) {
      response.setStatus(400);
      return show(
          operator,
          model,
          errors.of(problem, locale, Map.of("groupId", "nestChild")),
          Map.of("nestParent", value(groupId), "nestChild", value(childId)));
    }
  }

  private Group group(SignedInUser operator, @Nullable String id, String field) {
    try {
      return admin.require(operator, id == null ? "" : id);
    } catch (ApiProblem notFound) {
      throw ApiProblem.invalidField(field, "groups.error.group.unknown");
    }
  }

  private Account removable(SignedInUser operator, @Nullable String userId) {
    if (userId == null || userId.isBlank()) {
      throw ApiProblem.invalidField("userId", "groups.error.userId.required");
    }
    try {
      return admin.account(operator, userId);
    } catch (ApiProblem notFound) {
      throw ApiProblem.invalidField("userId", "groups.error.userId.unknown");
    }
  }

  private String show(
      SignedInUser operator,
      Model model,
      Map<String, String> fieldErrors,
      Map<String, String> typed) {
    model.addAttribute("summaries", groups.summaries(operator.tenantId()));
    model.addAttribute("errors", fieldErrors);
    model.addAttribute("typed", typed);
    return VIEW;
  }

  private static String value(@Nullable String text) {
    return text == null ? "" : text;
  }
}
