package dev.rekey.web.internal;

import dev.rekey.directory.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Who may reach what, CSRF protection and security headers. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /**
   * No inline script or style anywhere (ASVS 5.0 §3.4.3); frames forbidden (clickjacking); forms
   * post only to us.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final RequestMatcher API =
      request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /** The XSRF-TOKEN cookie must be readable by scripts: that is how API clients echo it. */
  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    return CookieCsrfTokenRepository.withHttpOnlyFalse();
  }

  /** Only with a web server: the seeding command runs without one (web-application-type none). */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      ProblemWriter problems)
      throws Exception {
    String[] staff = {Role.HELPDESK.name(), Role.ADMIN.name()};
    http.securityContext(c -> c.securityContextRepository(contexts))
        // Double-submit cookie XSRF-TOKEN for pages and API alike (SPEC Appendix A); forms carry
        // _csrf.
        .csrf(c -> c.spa().csrfTokenRepository(csrfTokens))
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(f -> f.deny())
                    // HSTS is written only on HTTPS requests (RFC 6797 §7.2).
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                    .permissionsPolicyHeader(
                        p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/reset",
                        "/reset/**",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/favicon.ico",
                        "/error",
                        "/dev/**",
                        "/api/v1/dev/**",
                        "/api/v1/reset/**",
                        "/api/v1/captcha",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/v3/api-docs",
                        "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/session")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/session")
                    .permitAll()
                    .requestMatchers("/admin/**", "/api/v1/admin/**")
                    .hasAnyRole(staff)
                    .anyRequest()
                    .authenticated())
        // Both as per-path defaults, API first: an explicit authenticationEntryPoint or
        // accessDeniedHandler would replace the per-path ones for every request, and the API
        // would answer 302 to the sign-in page instead of a 401 problem.
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        (req, res, ex) -> problems.write(req, res, 401, "unauthenticated"), API)
                    .defaultAuthenticationEntryPointFor(
                        (req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login"),
                        AnyRequestMatcher.INSTANCE)
                    .defaultAccessDeniedHandlerFor(
                        (req, res, ex) -> problems.writeAccessDenied(req, res, ex), API)
                    .defaultAccessDeniedHandlerFor(
                        (req, res, ex) -> res.sendError(403), AnyRequestMatcher.INSTANCE))
        // Sign-out is a controller (page and API), so it can publish SignedOut.
        .logout(l -> l.disable())
        .addFilterAfter(new MustChangePasswordFilter(problems), AuthorizationFilter.class)
        .formLogin(f -> f.disable())
        .httpBasic(b -> b.disable())
        .requestCache(r -> r.disable());
    return http.build();
  }
}
