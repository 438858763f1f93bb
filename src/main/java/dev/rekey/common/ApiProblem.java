package dev.rekey.common;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An API error with a stable machine {@code code} (SPEC Appendix A). Thrown by any module's REST
 * controller; the shell turns it into RFC 9457 problem details with a localised {@code detail}.
 *
 * <p>The message key is {@code problem.<code>} unless given; arguments fill its placeholders.
 * {@code extra} adds members to the problem (for example {@code field} or {@code retryAfter}).
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String messageKey;
  private final Object[] arguments;
  private final Map<String, Object> extra;

  public ApiProblem(HttpStatus status, String code) {
    this(status, code, "problem." + code, new Object[0], Map.of());
  }

  public ApiProblem(
      HttpStatus status,
      String code,
      String messageKey,
      Object[] arguments,
      Map<String, Object> extra) {
    super(code);
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
    this.extra = Map.copyOf(extra);
  }

  /** 400 {@code invalid_request} naming the offending field. */
  public static ApiProblem invalidField(String field, String messageKey, Object... arguments) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST, "invalid_request", messageKey, arguments, Map.of("field", field));
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }

  public Map<String, Object> extra() {
    return extra;
  }
}
