package dev.rekey.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the client's address: the socket's, unless the socket is a trusted proxy, in which case the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. Anyone else's
 * forwarding headers are ignored, so a client cannot pick its own address to dodge rate limits.
 */
@Component
public class ClientAddress {

  private final Set<String> trusted;

  public ClientAddress(WebProperties properties) {
    this.trusted = Set.copyOf(properties.trustedProxies());
  }

  public String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (remote == null) {
      return "";
    }
    if (!trusted.contains(remote)) {
      return remote;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return remote;
    }
    List<String> hops = List.of(forwarded.split(","));
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i).strip();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return remote;
  }

  public RequestOrigin origin(HttpServletRequest request) {
    return new RequestOrigin(of(request), request.getHeader("User-Agent"));
  }
}
