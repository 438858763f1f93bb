package dev.rekey.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS and voice gateway for live mode ({@code rekey.delivery.phone.*}). Checked at start-up:
 * with {@code provider=twilio} the account, token and sender must be set.
 *
 * @param provider {@code none} (live mode refuses SMS and calls) or {@code twilio} (a
 *     Twilio-compatible REST API at {@code baseUrl})
 * @param baseUrl where the REST API lives; any compatible provider or a local test server
 * @param accountSid the account, also the user name for HTTP Basic authentication
 * @param authToken the password for HTTP Basic authentication; never logged
 * @param fromNumber the sender, an E.164 number such as {@code +3197010000000}
 * @param timeout connect and response timeout of one attempt
 * @param maxAttempts how often a message is tried when the gateway fails transiently
 */
public record PhoneGatewayProperties(
    @DefaultValue("none") @NotNull Provider provider,
    @DefaultValue("https://api.twilio.com") URI baseUrl,
    @Nullable String accountSid,
    @Nullable String authToken,
    @Nullable String fromNumber,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("3") @Min(1) @Max(10) int maxAttempts) {

  /** No gateway: the default. */
  public static final PhoneGatewayProperties NONE =
      new PhoneGatewayProperties(
          Provider.NONE,
          URI.create("https://api.twilio.com"),
          null,
          null,
          null,
          Duration.ofSeconds(5),
          3);

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Which gateway sends SMS and places calls in live mode. */
  public enum Provider {
    NONE,
    TWILIO
  }

  public PhoneGatewayProperties {
    // Fail at start-up, not at the first code someone waits for (STYLE.md: configuration).
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("rekey.delivery.phone.timeout must be positive");
    }
    if (provider == Provider.TWILIO) {
      List<String> missing = new ArrayList<>();
      if (accountSid == null || accountSid.isBlank()) {
        missing.add("account-sid");
      }
      if (authToken == null || authToken.isBlank()) {
        missing.add("auth-token");
      }
      if (fromNumber == null || fromNumber.isBlank()) {
        missing.add("from-number");
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "rekey.delivery.phone.provider=twilio needs rekey.delivery.phone."
                + String.join(", rekey.delivery.phone.", missing));
      }
      if (!SID.matcher(accountSid).matches()) {
        throw new IllegalArgumentException(
            "rekey.delivery.phone.account-sid may only hold letters, digits, - and _");
      }
      if (!E164.matcher(fromNumber).matches()) {
        throw new IllegalArgumentException(
            "rekey.delivery.phone.from-number must be an E.164 number such as +3197010000000");
      }
      String scheme = baseUrl.getScheme();
      if (!("https".equals(scheme) || "http".equals(scheme)) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "rekey.delivery.phone.base-url must be an http(s) URL: " + baseUrl);
      }
    }
  }

  /** Never the token: records print every component, and this one is a password. */
  @Override
  public String toString() {
    return "PhoneGatewayProperties[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", accountSid="
        + accountSid
        + ", authToken="
        + (authToken == null ? "null" : "******")
        + ", fromNumber="
        + fromNumber
        + ", timeout="
        + timeout
        + ", maxAttempts="
        + maxAttempts
        + "]";
  }
}
