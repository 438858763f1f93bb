package dev.rekey.methods.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new user adds a mobile phone by text message in English, then switches to Dutch and adds an
 * alternate mobile phone that is called, after proving the first phone; both show masked.
 */
@BrowserTest
class PhoneMethodJourneyTest {

  private static final Pattern CODE = Pattern.compile("[0-9]{8}");

  @LocalServerPort int port;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired SsprPolicies policies;
  @Autowired JdbcClient jdbc;

  @Test
  void aNewUserAddsAPhoneByTextInEnglishAndOneByCallInDutch() {
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn("phonejourney"),
            TestSessions.DEMO_PASSWORD,
            false,
            Role.USER);
    UUID group = groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id();
    groups.addAccount(group, account.id());
    Set<AuthMethodType> before = policies.get(account.tenantId()).methodsAvailable();
    Set<AuthMethodType> withCalls = EnumSet.copyOf(before);
    withCalls.add(AuthMethodType.MOBILE_VOICE);
    offer(account, withCalls);
    String mobile = number();
    String alternate = number();
    try (Browser browser = new Browser(port, "en")) {
      browser.open("/login");
      browser.type("#userId", account.upn()).type("#password", TestSessions.DEMO_PASSWORD);
      browser.submit("button[type=submit]");
      assertThat(browser.path()).isEqualTo("/register");
      browser.submit("#wizard-add-phone");
      assertThat(browser.find("h1").getText()).isEqualTo("Add a phone");
      assertThat(browser.find("#phoneNumber-hint").getText())
          .isEqualTo("Include the country code, for example +31 6 12345678");
      browser.screenshot("phone-add-en");

      browser.type("#phoneNumber", "06 1234");
      browser.submit("#send-code");
      assertThat(browser.find("#phoneNumber-error").getText()).startsWith("That number is too");
      assertThat(browser.find("#phoneNumber").getAttribute("aria-invalid")).isEqualTo("true");
      browser.screenshot("phone-add-error-en");

      browser.type("#phoneNumber", mobile.substring(0, 3) + " " + mobile.substring(3));
      browser.submit("#send-code");
      assertThat(browser.find("h1").getText()).isEqualTo("Enter the code");
      assertThat(browser.find("#code-sent").getText()).contains("by text message", "+31 6••••••");
      browser.screenshot("phone-code-en");
      browser.type("#code", lastCode(mobile, "sms"));
      browser.submit("#confirm-phone");
      assertThat(browser.path()).isEqualTo("/register");
      assertThat(browser.find("#notice").getText()).isEqualTo("Your phone was added.");
      browser.screenshot("phone-wizard-done-en");
      browser.submit("#wizard-done");

      // In Dutch now: a second phone needs proof of the first one.
      browser.open("/security-info?lang=nl");
      browser.submit("#add-phone");
      assertThat(browser.path()).startsWith("/security-info/verify");
      browser.submit("#verify-send");
      browser.type("#code", lastCode(mobile, "sms"));
      browser.submit("#verify-submit");
      assertThat(browser.path()).isEqualTo("/security-info");
      browser.submit("#add-phone");
      assertThat(browser.find("h1").getText()).isEqualTo("Een telefoon toevoegen");
      browser.type("#phoneNumber", alternate);
      browser.find("#phoneType-alternateMobile").click();
      browser.find("#delivery-voice").click();
      browser.screenshot("phone-add-voice-nl");
      browser.submit("#send-code");
      assertThat(browser.find("#code-sent").getText()).startsWith("We bellen +31 6••••••");
      browser.type("#code", "00000000");
      browser.submit("#confirm-phone");
      assertThat(browser.find("#code-error").getText()).startsWith("Die code klopt niet");
      browser.screenshot("phone-code-wrong-nl");
      browser.type("#code", lastCode(alternate, "voice"));
      browser.submit("#confirm-phone");
      assertThat(browser.path()).isEqualTo("/security-info");
      assertThat(browser.find("#notice").getText()).isEqualTo("Uw telefoon is toegevoegd.");
      String page = browser.text();
      assertThat(page)
          .contains("+31 6••••••" + mobile.substring(mobile.length() - 2))
          .contains("+31 6••••••" + alternate.substring(alternate.length() - 2))
          .doesNotContain(mobile.substring(3))
          .doesNotContain(alternate.substring(3));
      assertThat(browser.findAll("#methods li")).hasSize(2);
      browser.screenshot("phone-security-info-nl");
      browser.resize(320, 800);
      browser.screenshot("phone-security-info-nl-320");
    } finally {
      offer(account, before);
    }
  }

  private void offer(Account account, Set<AuthMethodType> methods) {
    Account admin = directory.findByUserId("admin@contoso.com").orElseThrow();
    policies.update(
        account.tenantId(),
        SsprPolicyChanges.builder().methodsAvailable(methods).build(),
        admin.id(),
        RequestOrigin.system());
  }

  private String lastCode(String e164, String channel) {
    List<String> bodies =
        jdbc.sql(
                "SELECT body FROM outbox_message WHERE recipient = ? AND channel = ?"
                    + " ORDER BY id DESC")
            .params(e164, channel)
            .query(String.class)
            .list();
    assertThat(bodies).as("%s to %s", channel, e164).isNotEmpty();
    Matcher m = CODE.matcher(bodies.get(0));
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private static String number() {
    return "+316" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }
}
