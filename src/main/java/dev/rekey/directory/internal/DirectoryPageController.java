package dev.rekey.directory.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.DirectoryConnections.SettingsRejected;
import dev.rekey.directory.DirectoryConnections.SyncReport;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/directory}: the tenant's LDAP / Active Directory connection, for admins only (it
 * holds the service account's secret). Save, "Test connection" with the form's values, "Synchronise
 * now" and Remove (after a confirmation page). A rejected setting is shown at its field and nothing
 * is stored.
 */
@Controller
@RequestMapping("/admin/directory")
@PreAuthorize("hasRole('ADMIN')")
class DirectoryPageController {

  static final String VIEW = "admin/directory";
  static final String REMOVE_VIEW = "admin/directory-remove";
  private static final String BACK = "redirect:/admin/directory";

  private final JdbcDirectoryConnections connections;
  private final ClientAddress clientAddress;
  private final MessageSource messages;

  DirectoryPageController(
      JdbcDirectoryConnections connections, ClientAddress clientAddress, MessageSource messages) {
    this.connections = connections;
    this.clientAddress = clientAddress;
    this.messages = messages;
  }

  @GetMapping
  String show(@AuthenticationPrincipal SignedInUser user, Model model) {
    Optional<LdapSettings> stored = connections.find(user.tenantId());
    return view(
        user,
        model,
        stored.map(DirectoryForms::values).orElseGet(DirectoryForms::defaults),
        Map.of());
  }

  @PostMapping
  String save(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam Map<String, String> params,
      HttpServletRequest request,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      connections.save(
          user.tenantId(),
          DirectoryForms.draft(params).toSettings(),
          user.accountId(),
          clientAddress.origin(request));
    } catch (SettingsRejected rejected) {
      return view(user, model, DirectoryForms.values(params), error(rejected, locale));
    }
    redirect.addFlashAttribute("notice", "directory.saved");
    return BACK;
  }

  /** Tries the form's values without storing them; the report is shown above the form. */
  @PostMapping("/test")
  String test(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam Map<String, String> params,
      Model model,
      Locale locale) {
    try {
      var report = connections.test(user.tenantId(), DirectoryForms.draft(params).toSettings());
      model.addAttribute("report", ReportDocument.of(report, messages, locale));
    } catch (SettingsRejected rejected) {
      return view(user, model, DirectoryForms.values(params), error(rejected, locale));
    }
    return view(user, model, DirectoryForms.values(params), Map.of());
  }

  @PostMapping("/sync")
  String sync(
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    if (!connections.isConnected(user.tenantId())) {
      redirect.addFlashAttribute("syncError", "directory.sync.not_configured");
      return BACK;
    }
    try {
      SyncReport report =
          connections.synchronise(user.tenantId(), user.accountId(), clientAddress.origin(request));
      // Plain values: flash attributes live in the (serialised) session.
      Map<String, Integer> counts = new LinkedHashMap<>();
      counts.put("seen", report.seen());
      counts.put("created", report.created());
      counts.put("updated", report.updated());
      counts.put("skipped", report.skipped());
      redirect.addFlashAttribute("sync", counts);
    } catch (DirectoryUnavailable unavailable) {
      redirect.addFlashAttribute("syncError", "directory.sync.unavailable");
    } catch (IllegalStateException switchedOff) {
      redirect.addFlashAttribute("syncError", "directory.sync.not_configured");
    }
    return BACK;
  }

  @GetMapping("/remove")
  String confirmRemove(@AuthenticationPrincipal SignedInUser user, Model model) {
    if (connections.find(user.tenantId()).isEmpty()) {
      return BACK;
    }
    return REMOVE_VIEW;
  }

  @PostMapping("/remove")
  String remove(
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    connections.remove(user.tenantId(), user.accountId(), clientAddress.origin(request));
    redirect.addFlashAttribute("notice", "directory.removed");
    return BACK;
  }

  private Map<String, String> error(SettingsRejected rejected, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    String key = DirectoryFields.messageKey(rejected);
    errors.put(rejected.field(), messages.getMessage(key, null, key, locale));
    return errors;
  }

  private String view(
      SignedInUser user, Model model, Map<String, String> values, Map<String, String> errors) {
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("configured", connections.find(user.tenantId()).isPresent());
    model.addAttribute("secretStored", connections.hasSecret(user.tenantId()));
    model.addAttribute("flavours", LdapSettings.Flavour.values());
    model.addAttribute("securities", LdapSettings.Security.values());
    model.addAttribute("groupModes", LdapSettings.GroupMode.values());
    model.addAttribute(
        "userIdAttributes", new String[] {"userPrincipalName", "uid", "mail", "sAMAccountName"});
    return VIEW;
  }
}
