package dev.rekey.admin.internal;

import dev.rekey.RekeyApplication;
import dev.rekey.directory.Groups;
import dev.rekey.methods.MethodType;
import dev.rekey.reports.ReportPeriod;
import dev.rekey.reports.Reports;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The admin user search and the reports against a seeded tenant (docs/BENCHMARKS.md, "A million
 * accounts"): every filter and report {@code runs} times after {@code warmups} unmeasured runs,
 * printed as a Markdown table of p50 / p95 / max in milliseconds; a fourth argument, a regular
 * expression, picks cases by name. Runs the application's own classes against the database in
 * {@code SPRING_DATASOURCE_URL}, without a web server.
 *
 * <pre>
 * SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/rekey_scale SPRING_DATASOURCE_USERNAME=postgres \
 *   ./mvnw -Pbench test-compile exec:exec@scale [-Dscale.args="scale.example 50 5"]
 * </pre>
 */
public final class ScaleBench {

  private ScaleBench() {}

  public static void main(String[] args) {
    String domain = args.length > 0 ? args[0] : "scale.example";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    java.util.regex.Pattern only =
        java.util.regex.Pattern.compile(args.length > 3 ? args[3] : ".*");
    SpringApplication application =
        new SpringApplicationBuilder(RekeyApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "rekey.demo.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN")
            .build();
    // The test class path brings the tests' own database (dev.rekey.support.TestDatabase): not
    // here.
    application.setInitializers(
        application.getInitializers().stream()
            .filter(i -> !i.getClass().getName().startsWith("dev.rekey.support."))
            .toList());
    try (ConfigurableApplicationContext context = application.run()) {
      Tenant tenant =
          context
              .getBean(Tenants.class)
              .findByDomain(domain)
              .orElseThrow(() -> new IllegalStateException("No tenant owns " + domain));
      UUID t = tenant.id();
      Groups groups = context.getBean(Groups.class);
      UUID allStaff = groups.findByName(t, "All staff").orElseThrow().id();
      UUID department = groups.findByName(t, "Department 07").orElseThrow().id();
      JdbcUserSearch search = context.getBean(JdbcUserSearch.class);
      Reports reports = context.getBean(Reports.class);

      Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
      search(cases, search, "all accounts, first page", q(t));
      search(cases, search, "all accounts, page 200 (offset 10,000)", q(t).page(200));
      search(
          cases,
          search,
          "all accounts, keyset page after user0500000",
          q(t).after("user0500000@" + domain));
      search(
          cases,
          search,
          "all accounts, keyset page before user0500000",
          q(t).before("user0500000@" + domain));
      search(cases, search, "text: upn prefix 'user09999' (10 hits)", q(t).text("user09999"));
      search(cases, search, "text: one account 'user0543210'", q(t).text("user0543210"));
      search(cases, search, "text: display name 'visser' (4 %)", q(t).text("visser"));
      search(cases, search, "text: no match 'nobody'", q(t).text("nobody"));
      search(cases, search, "registered", q(t).registered(true));
      search(cases, search, "not registered", q(t).registered(false));
      search(cases, search, "status locked (1 %)", q(t).status(UserQuery.Status.LOCKED));
      search(cases, search, "status blocked (0.5 %)", q(t).status(UserQuery.Status.BLOCKED));
      search(cases, search, "group 'All staff' (nested, 50 %)", q(t).group(allStaff));
      search(cases, search, "group 'Department 07' (3 %)", q(t).group(department));
      search(cases, search, "method phone (30 %)", q(t).method(MethodType.PHONE));
      search(cases, search, "method securityKey (none)", q(t).method(MethodType.FIDO2));
      search(
          cases,
          search,
          "not registered + group 'Department 07'",
          q(t).registered(false).group(department));
      search(
          cases,
          search,
          "locked + method email",
          q(t).status(UserQuery.Status.LOCKED).method(MethodType.EMAIL));
      search(cases, search, "text 'jansen' + registered", q(t).text("jansen").registered(true));
      cases.put("report: registration", () -> reports.registration(t));
      for (ReportPeriod period : ReportPeriod.values()) {
        cases.put("report: resets " + period.code(), () -> reports.resets(t, period));
      }

      System.out.println();
      System.out.printf(
          Locale.ROOT, "%d runs after %d warm-ups, tenant %s (%s)%n%n", runs, warmups, domain, t);
      System.out.println("| case | p50 ms | p95 ms | max ms | result |");
      System.out.println("|---|---:|---:|---:|---|");
      for (var entry : cases.entrySet()) {
        if (!only.matcher(entry.getKey()).find()) {
          continue;
        }
        Object last = null;
        for (int i = 0; i < warmups; i++) {
          last = entry.getValue().get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          last = entry.getValue().get();
          ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "| %s | %.1f | %.1f | %.1f | %s |%n",
            entry.getKey(),
            percentile(ms, 50),
            percentile(ms, 95),
            ms[ms.length - 1],
            describe(last));
      }
    }
  }

  private static void search(
      Map<String, Supplier<Object>> cases, JdbcUserSearch search, String name, Q query) {
    cases.put("search: " + name, () -> search.search(query.build()));
  }

  private static String describe(Object result) {
    if (result instanceof UserSummary.Page page) {
      return page.items().size() + " rows, total " + page.totalItems();
    }
    String text = String.valueOf(result);
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static Q q(UUID tenant) {
    return new Q(tenant);
  }

  /** A query under construction. */
  static final class Q {
    private final UUID tenant;
    private String text;
    private Boolean registered;
    private UserQuery.Status status;
    private UUID group;
    private MethodType method;
    private int page;
    private String after;
    private String before;

    Q after(String value) {
      after = value;
      return this;
    }

    Q before(String value) {
      before = value;
      return this;
    }

    Q(UUID tenant) {
      this.tenant = tenant;
    }

    Q text(String value) {
      text = value;
      return this;
    }

    Q registered(boolean value) {
      registered = value;
      return this;
    }

    Q status(UserQuery.Status value) {
      status = value;
      return this;
    }

    Q group(UUID value) {
      group = value;
      return this;
    }

    Q method(MethodType value) {
      method = value;
      return this;
    }

    Q page(int value) {
      page = value;
      return this;
    }

    UserQuery build() {
      return new UserQuery(
          tenant,
          text,
          registered,
          status,
          group,
          method,
          page,
          UserQuery.DEFAULT_SIZE,
          after,
          before);
    }
  }
}
