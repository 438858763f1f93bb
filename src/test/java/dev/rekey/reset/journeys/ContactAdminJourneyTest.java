package dev.rekey.reset.journeys;

import static dev.rekey.reset.journeys.ResetJourneys.startReset;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.support.Browser;
import dev.rekey.support.BrowserTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * "Contact an administrator" from seed error 3 (SPEC §5 step 6) with live SMTP: GreenMail receives
 * the mails to the demo tenant's helpdesk operator and admin. An unknown user sees the same answer
 * and nobody is mailed. Its own context: live delivery, and it records helpdesk requests.
 */
@BrowserTest
@TestPropertySource(
    properties = {"spring.application.name=rekey-contact-journey", "rekey.delivery.mode=live"})
class ContactAdminJourneyTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
  }

  @LocalServerPort int port;
  @Autowired AccountDirectory directory;
  @Autowired HelpdeskRequests requests;
  @Autowired AuditLog audit;

  @BeforeEach
  void emptyMailboxes() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
  }

  @Test
  void adeleAsksForHelpAndTheHelpdeskAndAdminAreMailed() throws Exception {
    Account adele = directory.findByUserId("adele@contoso.com").orElseThrow();
    try (Browser browser = new Browser(port, "en")) {
      startReset(browser, "", "adele@contoso.com");
      assertThat(browser.find("h1").getText()).isEqualTo("We can't verify your account.");
      browser.submit("#contact-admin");

      assertThat(browser.find("h1").getText()).isEqualTo("We've contacted an administrator");
      assertThat(browser.find("#contacted").getText())
          .isEqualTo(
              "If your account can be helped this way, an administrator of your organization has"
                  + " been asked to reset your password. They may contact you to check that it's"
                  + " really you.");
      browser.screenshot("reset-contacted-en");
    }

    assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(ContactAdminJourneyTest::to))
        .containsExactlyInAnyOrder("helpdesk@contoso.com", "admin@contoso.com");
    for (MimeMessage mail : greenMail.getReceivedMessages()) {
      assertThat(text(mail))
          .containsAnyOf(
              "User: Adele Vance (adele@contoso.com)",
              "Gebruiker: Adele Vance (adele@contoso.com)");
    }

    List<HelpdeskRequest> open =
        requests.list(adele.tenantId(), HelpdeskRequests.Status.OPEN, 0, 50).items().stream()
            .filter(r -> r.accountId().equals(adele.id()))
            .toList();
    assertThat(open).hasSize(1);
    assertThat(open.get(0).reason()).isEqualTo("not_registered");
    List<AuditEvent> contacted =
        audit
            .find(
                new AuditQuery(
                    adele.tenantId(),
                    AuditActivity.CONTACTED_ADMIN,
                    null,
                    "adele@contoso.com",
                    null,
                    null,
                    0,
                    50))
            .items();
    assertThat(contacted).hasSize(1);
  }

  @Test
  void anUnknownUserGetsTheSameAnswerAndNobodyIsMailedInDutch() throws Exception {
    try (Browser browser = new Browser(port, "nl")) {
      startReset(browser, "", "onbekend@contoso.com");
      assertThat(browser.find("h1").getText()).isEqualTo("We kunnen je account niet verifiëren.");
      browser.submit("#contact-admin");
      assertThat(browser.find("h1").getText())
          .isEqualTo("We hebben contact opgenomen met een beheerder");
      browser.screenshot("reset-contacted-nl");
    }
    assertThat(greenMail.waitForIncomingEmail(2_000, 1)).isFalse();
  }

  private static String text(MimeMessage mail) throws Exception {
    return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
  }

  private static String to(MimeMessage message) {
    try {
      return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
