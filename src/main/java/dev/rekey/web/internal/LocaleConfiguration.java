package dev.rekey.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: {@code en} and {@code nl}. {@code ?lang=nl} chooses one and remembers it in a cookie;
 * otherwise the browser's {@code Accept-Language} decides; anything else falls back to English.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));
  static final String COOKIE = "rekey-lang";

  @Bean
  LocaleResolver localeResolver() {
    return new SupportedLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  static final class SupportedLocaleResolver implements LocaleResolver {

    private static final String ATTRIBUTE = SupportedLocaleResolver.class.getName() + ".locale";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      if (request.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
        return chosen;
      }
      String param = request.getParameter("lang");
      Locale fromParam = param == null ? null : supported(param);
      if (fromParam != null) {
        return fromParam;
      }
      if (request.getCookies() != null) {
        for (Cookie cookie : request.getCookies()) {
          if (COOKIE.equals(cookie.getName())) {
            Locale fromCookie = supported(cookie.getValue());
            if (fromCookie != null) {
              return fromCookie;
            }
          }
        }
      }
      String header = request.getHeader("Accept-Language");
      if (header != null && !header.isBlank()) {
        try {
          Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
          if (match != null) {
            return match;
          }
        } catch (IllegalArgumentException malformed) {
          // A malformed header is the client's problem: fall back to English.
        }
      }
      return Locale.ENGLISH;
    }

    @Override
    public void setLocale(
        HttpServletRequest request,
        @Nullable HttpServletResponse response,
        @Nullable Locale locale) {
      Locale chosen = locale == null ? null : supported(locale.getLanguage());
      if (chosen == null) {
        return;
      }
      request.setAttribute(ATTRIBUTE, chosen);
      if (response != null) {
        Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
      }
    }

    private static @Nullable Locale supported(String tag) {
      String language = tag.strip().toLowerCase(Locale.ROOT);
      for (Locale locale : SUPPORTED) {
        if (locale.getLanguage().equals(language)) {
          return locale;
        }
      }
      return null;
    }
  }
}
