package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.directory.LdapSettings.Security;
import org.junit.jupiter.api.Test;

class LdapUrlTest {

  @Test
  void defaultPortsFollowTheScheme() {
    assertThat(LdapUrl.parse("ldap://dc1.fabrikam.example", Security.NONE))
        .isEqualTo(new LdapUrl("ldap://dc1.fabrikam.example", "dc1.fabrikam.example", 389, false));
    assertThat(LdapUrl.parse("ldaps://dc1.fabrikam.example/", Security.NONE))
        .extracting(LdapUrl::port, LdapUrl::tls)
        .containsExactly(636, true);
    assertThat(LdapUrl.parse("LDAP://dc1:1389", Security.STARTTLS))
        .extracting(LdapUrl::host, LdapUrl::port, LdapUrl::tls)
        .containsExactly("dc1", 1389, false);
  }

  @Test
  void securityLdapsNeverFallsBackToPlainText() {
    assertThat(LdapUrl.parse("ldap://dc1", Security.LDAPS))
        .extracting(LdapUrl::port, LdapUrl::tls)
        .containsExactly(636, true);
  }

  @Test
  void ipv6Literals() {
    assertThat(LdapUrl.parse("ldap://[::1]:10389", Security.NONE).host()).isEqualTo("::1");
  }

  @Test
  void malformedUrlsAreRejected() {
    for (String bad :
        new String[] {
          "",
          "dc1:389",
          "http://dc1",
          "ldap://",
          "ldap://dc1:0",
          "ldap://dc1:70000",
          "ldap://dc1/dc=fabrikam",
          "ldap://user@dc1",
          "ldap://dc1?x",
          "ldap://dc 1"
        }) {
      assertThatThrownBy(() -> LdapUrl.parse(bad, Security.NONE))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
