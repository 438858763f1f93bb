package dev.rekey.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.support.RekeyTest;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RekeyTest
class JdbcTenantsTest {

  @Autowired Tenants tenants;
  @Autowired JdbcClient jdbc;

  static String unique(String suffix) {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + suffix;
  }

  @Test
  void createWithDomainsThenFoundByIdAndEveryDomainLowerCased() {
    String a = unique(".example.com");
    String b = unique(".example.org");

    Tenant created = tenants.create("  Fabrikam ", List.of(a.toUpperCase(), b));

    assertThat(created.name()).isEqualTo("Fabrikam");
    assertThat(created.domains()).containsExactly(a, b);
    Tenant found = tenants.findById(created.id()).orElseThrow();
    assertThat(found.domains()).containsExactlyInAnyOrder(a, b);
    assertThat(found.ownsDomain(" " + a.toUpperCase())).isTrue();
    assertThat(found.ownsDomain("contoso.com")).isFalse();
    assertThat(tenants.findAll()).extracting(Tenant::id).contains(created.id());
  }

  @Test
  void findByDomainIgnoresCase() {
    String domain = unique(".example.com");
    Tenant created = tenants.create("Case", List.of(domain));

    assertThat(tenants.findByDomain(domain.toUpperCase())).map(Tenant::id).contains(created.id());
    assertThat(tenants.findByDomain("Contoso.COM")).map(Tenant::name).contains("Contoso");
    assertThat(tenants.findByDomain("nowhere.example")).isEmpty();
  }

  @Test
  void findByUserIdResolvesTheDomainAfterTheLastAt() {
    assertThat(tenants.findByUserId("Alain@CONTOSO.com")).map(Tenant::name).contains("Contoso");
    assertThat(tenants.findByUserId("odd@name@contoso.com")).map(Tenant::name).contains("Contoso");
    assertThat(tenants.findByUserId("alain@fabrikam.example")).isEmpty();
    assertThat(tenants.findByUserId("no-at-sign")).isEmpty();
    assertThat(tenants.findByUserId("@contoso.com")).isEmpty();
    assertThat(tenants.findByUserId("alain@")).isEmpty();
    assertThat(tenants.findByUserId("")).isEmpty();
  }

  @Test
  void createWhenDomainBelongsToAnotherTenantThenRejectedAndNothingStored() {
    long before = count();
    assertThatThrownBy(
            () -> tenants.create("Thief", List.of(unique(".example.com"), "CONTOSO.COM")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contoso.com");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void createWhenSameDomainListedTwiceThenRejected() {
    String domain = unique(".example.com");
    assertThatThrownBy(() -> tenants.create("Twice", List.of(domain, domain.toUpperCase())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tenants.findByDomain(domain)).isEmpty();
  }

  @Test
  void createWhenDomainMalformedThenRejected() {
    for (String bad :
        List.of("bad domain", "-x.com", "a", "x-.com", "nodot", "a..com", "x.c0m", "", "é.com")) {
      assertThatThrownBy(() -> tenants.create("Bad", List.of(bad)))
          .as("domain '%s'", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void createWhenNameBlankOrTooLongThenRejected() {
    assertThatThrownBy(() -> tenants.create(" ", List.of(unique(".example.com"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tenants.create("x".repeat(201), List.of(unique(".example.com"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long count() {
    return jdbc.sql("SELECT COUNT(*) FROM tenant").query(Long.class).single();
  }
}
