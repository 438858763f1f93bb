package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailSender;
import dev.rekey.delivery.SmsGateway;
import dev.rekey.delivery.VoiceGateway;
import dev.rekey.support.RekeyTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Live mode: email goes over SMTP to a real (GreenMail) server; there is no SMS gateway yet. */
@RekeyTest
@TestPropertySource(
    properties = {"rekey.delivery.mode=live", "rekey.delivery.from=Contoso IT <it@contoso.com>"})
class LiveDeliveryTest {

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
  }

  @Autowired MockMvc mvc;
  @Autowired EmailSender email;
  @Autowired SmsGateway sms;
  @Autowired VoiceGateway voice;

  @Test
  void liveModeUsesSmtpAndRefusesPhoneMessages() {
    assertThat(email).isInstanceOf(SmtpEmailSender.class);
    assertThatThrownBy(() -> sms.send("+31612345678", "code 123456"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageContaining("no SMS gateway configured")
        .hasMessageNotContaining("12345678")
        .hasMessageNotContaining("123456");
    assertThatThrownBy(() -> voice.call("+31612345678", "code"))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageContaining("no voice gateway configured");
  }

  @Test
  void passwordChangeSendsMultipartMailInTheUsersLanguage() throws Exception {
    Journeys.changePassword(mvc, "diego@contoso.com", "nl", "een heel nieuw wachtwoord 7");

    MimeMessage mail = receivedBy("diego@contoso.com");
    assertThat(mail.getSubject()).isEqualTo("Uw wachtwoord is gewijzigd");
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("diego@contoso.com");
    InternetAddress from = (InternetAddress) mail.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("it@contoso.com");
    assertThat(from.getPersonal()).isEqualTo("Contoso IT");
    assertThat(mail.getHeader("Content-Language")).containsExactly("nl");
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("Beste Diego Siciliani,")
        .contains("IP-adres: 127.0.0.1");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("<html lang=\"nl\">")
        .contains("Was u dit niet");
  }

  @Test
  void passwordChangeInEnglishSendsEnglishMail() throws Exception {
    Journeys.changePassword(mvc, "helpdesk@contoso.com", "en", "another new passphrase 8");
    MimeMessage mail = receivedBy("helpdesk@contoso.com");
    assertThat(mail.getSubject()).isEqualTo("Your password was changed");
  }

  private static MimeMessage receivedBy(String address) throws Exception {
    List<MimeMessage> mine =
        Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    assertThat(mine).as("mail to " + address).hasSize(1);
    return mine.get(0);
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getAllRecipients())
          .anyMatch(a -> ((InternetAddress) a).getAddress().equals(address));
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }
}
