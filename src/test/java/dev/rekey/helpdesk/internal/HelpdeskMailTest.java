package dev.rekey.helpdesk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.helpdesk.ContactAdmin;
import dev.rekey.helpdesk.HelpdeskRequest;
import dev.rekey.helpdesk.HelpdeskRequests;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * "Contact an administrator" mails the demo tenant's helpdesk and admin over real SMTP (GreenMail),
 * each in their own language. Its own context: it changes the admin's language and moves the clock.
 */
@RekeyTest
@TestPropertySource(
    properties = {"rekey.delivery.mode=live", "spring.application.name=rekey-helpdesk-mail-test"})
class HelpdeskMailTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
  }

  static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.7", "Kiosk/1.0");

  @Autowired HelpdeskRequests requests;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;
  @Autowired AuditLog audit;
  @Autowired TestClock clock;

  @BeforeEach
  void emptyMailboxes() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    directory.setPreferredLanguage(account("admin@contoso.com").id(), "nl");
    directory.setPreferredLanguage(account("helpdesk@contoso.com").id(), "en");
  }

  private Account account(String upn) {
    return directory.findByUserId(upn).orElseThrow();
  }

  private HelpdeskRequest contact(Account user, String reason, UUID flowId) {
    return requests.contact(new ContactAdmin(user.tenantId(), user.id(), flowId, reason, ORIGIN));
  }

  @Test
  void helpdeskAndAdminEachGetOneMailInTheirLanguageWithoutSecurityInfo() throws Exception {
    Account megan = account("megan@contoso.com");
    UUID flowId = UUID.randomUUID();

    HelpdeskRequest request = contact(megan, "password_not_managed", flowId);

    assertThat(request.status()).isEqualTo(HelpdeskRequests.Status.OPEN);
    assertThat(request.flowId()).isEqualTo(flowId);
    assertThat(request.clientIp()).isEqualTo("198.51.100.7");
    assertThat(greenMail.getReceivedMessages()).hasSize(2);

    MimeMessage english = receivedBy("helpdesk@contoso.com");
    assertThat(english.getSubject()).isEqualTo("A user asks for help with their password");
    assertThat(text(english))
        .contains("Hello Helpdesk Operator,")
        .contains("User: Megan Bowen (megan@contoso.com)")
        .contains("Reason: The account's password is not managed by Rekey")
        .contains("IP address: 198.51.100.7")
        .contains("verify that you are talking to this person")
        .doesNotContain("fabrikam");

    MimeMessage dutch = receivedBy("admin@contoso.com");
    assertThat(dutch.getSubject()).isEqualTo("Een gebruiker vraagt hulp met het wachtwoord");
    assertThat(dutch.getHeader("Content-Language")).containsExactly("nl");
    assertThat(text(dutch))
        .contains("Beste Contoso Admin,")
        .contains("Gebruiker: Megan Bowen (megan@contoso.com)")
        .contains("Reden: Het wachtwoord van het account wordt niet door Rekey beheerd")
        .contains("Controleer voordat u helpt")
        .doesNotContain("fabrikam");

    List<AuditEvent> events = contactedAdmin(megan);
    assertThat(events).hasSize(1);
    AuditEvent event = events.get(0);
    assertThat(event.activity()).isEqualTo("Contacted admin");
    assertThat(event.result()).isEqualTo("Contacted admin");
    assertThat(event.actorLabel()).isEqualTo("anonymous");
    assertThat(event.targetLabel()).isEqualTo("megan@contoso.com");
    assertThat(event.reason()).isEqualTo("password_not_managed");
    assertThat(event.flowId()).isEqualTo(flowId.toString());
    assertThat(event.clientIp()).isEqualTo("198.51.100.7");
    assertThat(event.userAgent()).isEqualTo("Kiosk/1.0");
    assertThat(event.details())
        .containsEntry("requestId", request.id().toString())
        .containsEntry("notified", 2);
  }

  @Test
  void askingAgainWithinAnHourMailsNobodyAndReturnsTheOpenRequest() throws Exception {
    Account adele = account("adele@contoso.com");
    HelpdeskRequest first = contact(adele, "not_registered", UUID.randomUUID());
    assertThat(greenMail.getReceivedMessages()).hasSize(2);

    clock.advance(Duration.ofMinutes(59));
    HelpdeskRequest again = contact(adele, "not_registered", null);

    assertThat(again).isEqualTo(first);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(contactedAdmin(adele).get(0).details()).containsEntry("notified", 0);

    clock.advance(Duration.ofMinutes(2));
    HelpdeskRequest later = contact(adele, "not_registered", null);

    assertThat(later.id()).isNotEqualTo(first.id());
    assertThat(greenMail.getReceivedMessages()).hasSize(4);
  }

  @Test
  void aHandledRequestDoesNotHoldBackTheNextOne() {
    Account diego = account("diego@contoso.com");
    HelpdeskRequest first = contact(diego, "not_enabled", null);
    requests.markHandled(
        diego.tenantId(),
        first.id(),
        account("helpdesk@contoso.com").id(),
        dev.rekey.common.RequestOrigin.system());

    HelpdeskRequest next = contact(diego, "not_enabled", null);

    assertThat(next.id()).isNotEqualTo(first.id());
    assertThat(greenMail.getReceivedMessages()).hasSize(4);
  }

  @Test
  void atMostOneHundredOperatorsAreMailed() {
    String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    Tenant tenant = tenants.create("Crowded", List.of(domain));
    for (int i = 0; i < 105; i++) {
      create(tenant, "admin" + i + "@" + domain, Role.ADMIN);
    }
    Account user = create(tenant, "user@" + domain, Role.USER);

    requests.contact(new ContactAdmin(tenant.id(), user.id(), null, "blocked", ORIGIN));

    assertThat(greenMail.getReceivedMessages()).hasSize(HelpdeskRequests.MAX_RECIPIENTS);
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(HelpdeskMailTest::to).distinct())
        .hasSize(HelpdeskRequests.MAX_RECIPIENTS)
        .doesNotContain("user@" + domain);
  }

  private Account create(Tenant tenant, String upn, Role role) {
    return directory.create(
        new NewAccount(
            tenant.id(),
            upn,
            "Person " + upn,
            null,
            null,
            upn,
            Set.of(role),
            PasswordAuthority.REKEY),
        null,
        false);
  }

  private List<AuditEvent> contactedAdmin(Account account) {
    return audit
        .find(
            new AuditQuery(
                account.tenantId(),
                AuditActivity.CONTACTED_ADMIN,
                null,
                account.upn(),
                null,
                null,
                0,
                50))
        .items();
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

  private static MimeMessage receivedBy(String address) {
    List<MimeMessage> mine =
        Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
    assertThat(mine).as("mail to " + address).hasSize(1);
    return mine.get(0);
  }
}
