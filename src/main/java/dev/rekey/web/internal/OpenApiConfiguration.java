package dev.rekey.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;

/** The OpenAPI description of {@code /api/**}, served at {@code /v3/api-docs} (SPEC §9). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // The CSRF token is a cookie/header pair, not a parameter clients send.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CsrfToken.class);
  }

  @Bean
  OpenAPI rekeyOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Rekey API")
                .version("v1")
                .description(
                    "Self-service password reset. Errors are RFC 9457 problem details with a stable"
                        + " `code`. Unsafe methods need the XSRF-TOKEN cookie's value in the"
                        + " X-XSRF-TOKEN header; GET /api/v1/session sets the cookie.")
                .license(new License().name("Apache-2.0")));
  }
}
