package dev.rekey.web.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS (ASVS 5.0
 * §3.3.1–3.3.4). Sessions themselves live in the database (Spring Session JDBC), so any node
 * serves.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  static final String COOKIE = "REKEY_SESSION";

  @Bean
  CookieSerializer cookieSerializer() {
    DefaultCookieSerializer serializer = new DefaultCookieSerializer();
    serializer.setCookieName(COOKIE);
    serializer.setUseHttpOnlyCookie(true);
    serializer.setSameSite("Lax");
    serializer.setCookiePath("/");
    return serializer;
  }
}
