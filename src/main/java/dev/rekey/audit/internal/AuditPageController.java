package dev.rekey.audit.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditPage;
import dev.rekey.audit.AuditProperties;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.AuditResult;
import dev.rekey.directory.SignedInUser;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /admin/audit}: the audit log with filters, pages and a CSV download, for helpdesk and
 * admins of the signed-in tenant (the security configuration guards {@code /admin/**}).
 */
@Controller
class AuditPageController {

  static final String VIEW = "audit/log";
  static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200, 500);

  private final AuditLog log;
  private final AuditRows rows;
  private final AuditProperties properties;

  AuditPageController(AuditLog log, AuditRows rows, AuditProperties properties) {
    this.log = log;
    this.rows = rows;
    this.properties = properties;
  }

  @GetMapping("/admin/audit")
  String log(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("filter") AuditFilter filter,
      BindingResult binding,
      Locale locale,
      Model model) {
    model.addAttribute("activities", List.of(AuditActivity.values()));
    model.addAttribute("results", List.of(AuditResult.values()));
    model.addAttribute("methods", AuditFilter.METHODS);
    model.addAttribute("pageSizes", PAGE_SIZES);
    model.addAttribute("csvMaxRows", properties.csvMaxRows());
    AuditFilter.Parsed parsed = filter.parse(user.tenantId(), properties.timeZone());
    if (parsed.query() == null) {
      parsed.problems().forEach(p -> binding.rejectValue(p.field(), p.messageKey()));
      return VIEW;
    }
    AuditQuery query = parsed.query();
    AuditPage page = log.find(query);
    model.addAttribute("page", page);
    model.addAttribute("lastPage", Math.max(0, (page.totalItems() - 1) / page.size()));
    model.addAttribute("rows", page.items().stream().map(e -> rows.row(e, locale)).toList());
    model.addAttribute("previousUrl", page.page() > 0 ? rows.link(filter, page.page() - 1) : null);
    model.addAttribute("nextUrl", page.hasNext() ? rows.link(filter, page.page() + 1) : null);
    model.addAttribute("csvUrl", rows.csvLink(filter));
    return VIEW;
  }
}
