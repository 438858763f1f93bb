package dev.rekey.common;

/**
 * Where a request came from, as recorded in audit events and used by throttling.
 *
 * @param clientIp the client address (the socket address unless a trusted proxy forwarded it)
 * @param userAgent the browser's User-Agent, shortened to a safe length
 */
public record RequestOrigin(String clientIp, String userAgent) {

  private static final int MAX_USER_AGENT = 512;

  public RequestOrigin {
    clientIp = clientIp == null ? "" : clientIp;
    userAgent = userAgent == null ? "" : userAgent;
    if (userAgent.length() > MAX_USER_AGENT) {
      userAgent = userAgent.substring(0, MAX_USER_AGENT);
    }
  }

  /** The origin of work Rekey does on its own (start-up, scheduled jobs). */
  public static RequestOrigin system() {
    return new RequestOrigin("", "rekey");
  }
}
