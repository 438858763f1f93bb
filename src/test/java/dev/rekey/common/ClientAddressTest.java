package dev.rekey.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class ClientAddressTest {

  static ClientAddress trusting(String... proxies) {
    return new ClientAddress(new WebProperties("", List.of(proxies), DataSize.ofKilobytes(64)));
  }

  static MockHttpServletRequest from(String remote, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(remote);
    if (forwardedFor != null) {
      request.addHeader("X-Forwarded-For", forwardedFor);
    }
    return request;
  }

  @Test
  void forwardedForFromAnUntrustedClientIsIgnored() {
    assertThat(trusting().of(from("203.0.113.9", "10.0.0.1"))).isEqualTo("203.0.113.9");
    assertThat(trusting("127.0.0.1").of(from("203.0.113.9", "10.0.0.1"))).isEqualTo("203.0.113.9");
  }

  @Test
  void trustedProxyForwardsTheRightMostUntrustedHop() {
    ClientAddress address = trusting("127.0.0.1", "10.0.0.5");
    assertThat(address.of(from("127.0.0.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    assertThat(address.of(from("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.5")))
        .as("spoofed left-most entry is not believed")
        .isEqualTo("198.51.100.7");
    assertThat(address.of(from("127.0.0.1", null))).isEqualTo("127.0.0.1");
    assertThat(address.of(from("127.0.0.1", " , "))).isEqualTo("127.0.0.1");
    assertThat(address.of(from("127.0.0.1", "10.0.0.5"))).isEqualTo("127.0.0.1");
  }

  @Test
  void overlongForwardedHopIsShortened() {
    String hop = "x".repeat(500);
    assertThat(trusting("127.0.0.1").of(from("127.0.0.1", hop))).hasSize(64);
  }

  @Test
  void originCarriesTheUserAgentShortened() {
    MockHttpServletRequest request = from("192.0.2.1", null);
    request.addHeader("User-Agent", "a".repeat(2000));
    RequestOrigin origin = trusting().origin(request);
    assertThat(origin.clientIp()).isEqualTo("192.0.2.1");
    assertThat(origin.userAgent()).hasSize(512);
    assertThat(trusting().origin(from("192.0.2.1", null)).userAgent()).isEmpty();
  }
}
