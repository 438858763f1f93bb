package dev.rekey.delivery.internal;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.PhoneGatewayProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts forms to a Twilio-compatible REST API ({@code /2010-04-01/Accounts/{sid}/...}) with HTTP
 * Basic authentication, retrying transient failures with exponential backoff. Messages and logs
 * name the recipient masked and never hold the token or the message text (ASVS 5.0 §16.2.5).
 */
final class TwilioClient {

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * What is being delivered, for messages: {@code SMS}/{@code message}, {@code voice}/{@code call}.
   */
  record Kind(String gateway, String item) {
    static final Kind SMS = new Kind("SMS", "message");
    static final Kind VOICE = new Kind("voice", "call");
  }

  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

  /** Worth another try: rate limited, or the gateway is (briefly) down (RFC 9110 §15.6). */
  private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

  private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"?([0-9]{1,9})");
  private static final Logger log = LoggerFactory.getLogger(TwilioClient.class);

  private final HttpClient http;
  private final Sleeper sleeper;
  private final URI account;
  private final String authorization;
  private final Duration timeout;
  private final int maxAttempts;

  TwilioClient(PhoneGatewayProperties properties, Sleeper sleeper) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.sleeper = sleeper;
    String base = properties.baseUrl().toString().replaceAll("/+$", "");
    String sid = Objects.requireNonNull(properties.accountSid());
    this.account = URI.create(base + "/2010-04-01/Accounts/" + sid + "/");
    String credentials = sid + ":" + Objects.requireNonNull(properties.authToken());
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.timeout = properties.timeout();
    this.maxAttempts = properties.maxAttempts();
  }

  /**
   * Posts {@code form} to {@code resource} (e.g. {@code Messages.json}).
   *
   * @param maskedTo the recipient as it may appear in messages and logs
   * @throws DeliveryFailed when the gateway refuses, or is still unavailable after the last attempt
   */
  void post(String resource, Map<String, String> form, Kind kind, String maskedTo) {
    HttpRequest request =
        HttpRequest.newBuilder(account.resolve(resource))
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    for (int attempt = 1; ; attempt++) {
      String failure;
      @Nullable Exception cause = null;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          log.info("{} {} to {} accepted by the gateway", kind.gateway(), kind.item(), maskedTo);
          return;
        }
        if (!TRANSIENT.contains(status)) {
          throw status >= 500
              ? unavailable(kind, maskedTo, "HTTP " + status, null)
              : refused(kind, maskedTo, status, response.body());
        }
        failure = "HTTP " + status;
      } catch (HttpTimeoutException e) {
        failure = "no answer within " + timeout.toMillis() + " ms";
        cause = e;
      } catch (IOException e) {
        failure = e.getClass().getSimpleName();
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable(kind, maskedTo, "interrupted", e);
      }
      if (attempt >= maxAttempts) {
        throw unavailable(kind, maskedTo, failure + " after " + attempt + " attempts", cause);
      }
      // A retry after a timeout may deliver twice; a second copy of the same code is harmless.
      Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
      log.warn(
          "{} gateway attempt {} of {} for {} failed ({}); retrying in {} ms",
          kind.gateway(),
          attempt,
          maxAttempts,
          maskedTo,
          failure,
          backoff.toMillis());
      try {
        sleeper.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unavailable(kind, maskedTo, "interrupted", e);
      }
    }
  }

  private static DeliveryFailed unavailable(
      Kind kind, String maskedTo, String detail, @Nullable Exception cause) {
    String message =
        "The %s gateway is unavailable (%s to %s not sent: %s)"
            .formatted(kind.gateway(), kind.item(), maskedTo, detail);
    log.warn(message);
    return cause == null ? new DeliveryFailed(message) : new DeliveryFailed(message, cause);
  }

  private static DeliveryFailed refused(Kind kind, String maskedTo, int status, String body) {
    // Only the provider's error code: its text may repeat the full number (ASVS 5.0 §16.2.5).
    Matcher code = ERROR_CODE.matcher(body);
    String reason = code.find() ? code.group(1) : "HTTP " + status;
    String message =
        "The %s gateway refused the %s: %s (%s to %s, HTTP %d)"
            .formatted(kind.gateway(), kind.item(), reason, kind.item(), maskedTo, status);
    log.warn(message);
    return new DeliveryFailed(message);
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
