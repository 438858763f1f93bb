package dev.rekey.admin.internal;

import dev.rekey.directory.Groups;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /admin/users}: search and filter the tenant's accounts, a page at a time, for helpdesk and
 * admins (the security configuration guards {@code /admin/**}).
 */
@Controller
class UsersPageController {

  static final String VIEW = "admin/users/list";
  static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200, 500);

  private final JdbcUserSearch search;
  private final Groups groups;

  UsersPageController(JdbcUserSearch search, Groups groups) {
    this.search = search;
    this.groups = groups;
  }

  @GetMapping("/admin/users")
  String list(
      @AuthenticationPrincipal SignedInUser operator,
      @ModelAttribute("filter") UserFilter filter,
      BindingResult binding,
      Model model) {
    model.addAttribute("groups", groups.findAll(operator.tenantId()));
    model.addAttribute("methodTypes", List.of(MethodType.values()));
    model.addAttribute("pageSizes", PAGE_SIZES);
    UserFilter.Parsed parsed =
        filter.parse(
            operator.tenantId(),
            id ->
                groups
                    .findById(id)
                    .filter(g -> g.tenantId().equals(operator.tenantId()))
                    .isPresent());
    if (parsed.query() == null) {
      parsed.problems().forEach(p -> binding.rejectValue(p.field(), p.messageKey()));
      return VIEW;
    }
    UserSummary.Page page = search.search(parsed.query());
    model.addAttribute("page", page);
    // Keyset links (the user ID to continue from) stay fast however deep the page; the page number
    // rides along for the "Page n" label only.
    model.addAttribute(
        "previousUrl",
        page.hasPrevious() && page.page() > 0
            ? link(filter, page.page() - 1, "before", page.previousCursor())
            : null);
    model.addAttribute(
        "nextUrl",
        page.hasNext() ? link(filter, page.page() + 1, "after", page.nextCursor()) : null);
    return VIEW;
  }

  /** The same search on another page; the values are encoded, never pasted into the URL. */
  static String link(UserFilter filter, int page, String cursorName, @Nullable String cursor) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin/users");
    add(uri, "query", filter.query());
    add(uri, "registered", filter.registered());
    add(uri, "status", filter.status());
    add(uri, "group", filter.group());
    add(uri, "method", filter.method());
    add(uri, "size", filter.size());
    uri.queryParam("page", page);
    add(uri, cursorName, cursor);
    return uri.encode().build().toUriString();
  }

  private static void add(UriComponentsBuilder uri, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      uri.queryParam(name, value.strip());
    }
  }
}
