package dev.rekey.methods.webauthn;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebAuthn relying party ({@code rekey.webauthn.*}), checked at start-up.
 *
 * @param rpId the relying party ID: the host name users reach Rekey at (or a registrable suffix of
 *     it), without scheme or port; credentials are bound to it (WebAuthn §5.1.3)
 * @param rpName the name authenticators show
 * @param origins the exact origins ({@code scheme://host[:port]}) ceremonies may come from; each
 *     must be HTTPS, except on {@code localhost}, and its host must be the rpId or below it. When
 *     the rpId is {@code localhost}, every {@code http://localhost:<port>} is accepted as well, so
 *     development servers and tests on random ports work; a real deployment names its origins.
 * @param timeout how long the browser lets the user complete a ceremony and how long its challenge
 *     stays valid (10 s – 10 min)
 */
@ConfigurationProperties("rekey.webauthn")
public record WebAuthnProperties(
    @DefaultValue("localhost") String rpId,
    @DefaultValue("Rekey") String rpName,
    @DefaultValue("http://localhost:8080") List<String> origins,
    @DefaultValue("60s") Duration timeout) {

  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern ANY_LOCALHOST_PORT =
      Pattern.compile("http://localhost(:[0-9]{1,5})?");

  public WebAuthnProperties {
    rpId = rpId.strip().toLowerCase(Locale.ROOT);
    if (!HOST.matcher(rpId).matches()) {
      throw new IllegalArgumentException(
          "rekey.webauthn.rp-id must be a host name without scheme or port: " + rpId);
    }
    if (rpName.isBlank() || rpName.length() > 64) {
      throw new IllegalArgumentException("rekey.webauthn.rp-name must have 1-64 characters");
    }
    if (origins.isEmpty()) {
      throw new IllegalArgumentException("rekey.webauthn.origins must name at least one origin");
    }
    String id = rpId;
    origins = origins.stream().map(o -> checkedOrigin(o.strip(), id)).toList();
    if (timeout.compareTo(Duration.ofSeconds(10)) < 0
        || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("rekey.webauthn.timeout must be 10s to 10m: " + timeout);
    }
  }

  /** Whether a ceremony's client data may come from {@code origin}. */
  public boolean accepts(String origin) {
    return origins.contains(origin)
        || ("localhost".equals(rpId) && ANY_LOCALHOST_PORT.matcher(origin).matches());
  }

  private static String checkedOrigin(String origin, String rpId) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("rekey.webauthn.origins: not a URL: " + origin);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean bare =
        (uri.getPath() == null || uri.getPath().isEmpty())
            && uri.getQuery() == null
            && uri.getFragment() == null
            && uri.getUserInfo() == null;
    // Browsers treat only HTTPS and localhost as secure contexts, where WebAuthn is available.
    boolean secure =
        "https".equals(uri.getScheme())
            || ("http".equals(uri.getScheme()) && "localhost".equals(host));
    if (!bare || !secure) {
      throw new IllegalArgumentException(
          "rekey.webauthn.origins: use https://host[:port] (http only on localhost): " + origin);
    }
    // WebAuthn §5.1.3: the RP ID must equal the origin's host or be a registrable suffix of it.
    if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
      throw new IllegalArgumentException(
          "rekey.webauthn.origins: " + origin + " is not within the rp-id " + rpId);
    }
    return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
