package dev.rekey.support;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.springframework.test.web.servlet.MvcResult;

/** Reads cookies a response set, including those written as raw Set-Cookie headers. */
public final class Cookies {

  private Cookies() {}

  /** The session cookie of a signed-in MockMvc response. */
  public static @Nullable Cookie session(MvcResult result) {
    return find(result, "REKEY_SESSION");
  }

  public static @Nullable Cookie find(MvcResult result, String name) {
    Cookie direct = result.getResponse().getCookie(name);
    if (direct != null) {
      return direct;
    }
    for (String header : result.getResponse().getHeaders("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
        return new Cookie(name, pair.substring(eq + 1).strip());
      }
    }
    return null;
  }
}
