package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.delivery.Channel;
import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailSender;
import dev.rekey.delivery.OutboxMessage;
import dev.rekey.delivery.SmsGateway;
import dev.rekey.delivery.VoiceGateway;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded default: everything lands in the outbox, shown on a page and in the API. The
 * explicit mode gives this class its own context and database: it changes demo users' passwords and
 * moves the clock, which other test classes must not see.
 */
@RekeyTest
@TestPropertySource(properties = "rekey.delivery.mode=outbox")
class OutboxDeliveryTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired JdbcOutbox outbox;
  @Autowired EmailSender email;
  @Autowired SmsGateway sms;
  @Autowired VoiceGateway voice;

  @Test
  void outboxModeUsesOutboxImplementations() {
    assertThat(email).isInstanceOf(OutboxEmailSender.class);
    assertThat(sms).isInstanceOf(OutboxPhoneGateway.class);
    assertThat(voice).isInstanceOf(OutboxPhoneGateway.class);
  }

  @Test
  void passwordChangeLandsInOutboxAndApi() throws Exception {
    // A whole second, so the time survives the database's microsecond precision unchanged.
    clock.set(clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    Journeys.changePassword(mvc, "alain@contoso.com", "en", "a brand new passphrase 1");
    mvc.perform(get("/api/v1/dev/outbox").param("to", "alain@contoso.com"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$[0].channel").value("email"))
        .andExpect(jsonPath("$[0].to").value("alain@contoso.com"))
        .andExpect(jsonPath("$[0].subject").value("Your password was changed"))
        .andExpect(jsonPath("$[0].body", containsString("Hello Alain Lambert,")))
        .andExpect(jsonPath("$[0].body", containsString("signed in with your current password")))
        .andExpect(jsonPath("$[0].body", containsString("IP address: 127.0.0.1")))
        .andExpect(jsonPath("$[0].body", not(containsString("<p>"))))
        .andExpect(jsonPath("$[0].sentAt").value(clock.instant().toString()));
  }

  @Test
  void passwordChangeMailIsInTheLanguageOfTheLastSignIn() throws Exception {
    Journeys.changePassword(mvc, "adele@contoso.com", "nl", "een gloednieuw wachtwoord");
    mvc.perform(get("/api/v1/dev/outbox").param("to", "ADELE@contoso.com"))
        .andExpect(jsonPath("$[0].to").value("adele@contoso.com"))
        .andExpect(jsonPath("$[0].subject").value("Uw wachtwoord is gewijzigd"))
        .andExpect(jsonPath("$[0].body", containsString("Beste Adele Vance,")));
  }

  @Test
  void smsAndVoiceAreStoredWithTheirChannel() {
    sms.send("+31 6 1111 2222", "Your Rekey code is 123456");
    voice.call("+31611112222", "Your code is 1 2 3 4 5 6");
    var messages = outbox.recent("+31611112222", 10);
    assertThat(messages)
        .extracting(OutboxMessage::channel)
        .containsExactly(Channel.VOICE, Channel.SMS);
    assertThat(messages).extracting(OutboxMessage::to).containsOnly("+31611112222");
    assertThat(messages).extracting(OutboxMessage::subject).containsOnlyNulls();
    assertThat(messages.get(1).body()).isEqualTo("Your Rekey code is 123456");
  }

  @Test
  void malformedPhoneNumberIsRefusedAndNotStored() {
    assertThatThrownBy(() -> sms.send("0612345678", "code")).isInstanceOf(DeliveryFailed.class);
    assertThatThrownBy(() -> voice.call("call me", "code")).isInstanceOf(DeliveryFailed.class);
    assertThat(outbox.recent("0612345678", 10)).isEmpty();
  }

  @Test
  void apiFilterMatchesTheRecipientExactly() throws Exception {
    sms.send("+31622223333", "first");
    sms.send("+31622223334", "other");
    sms.send("+31622223333", "second");
    mvc.perform(get("/api/v1/dev/outbox").param("to", "+31622223333"))
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].body").value("second"))
        .andExpect(jsonPath("$[0].channel").value("sms"))
        .andExpect(jsonPath("$[0].subject").doesNotExist())
        .andExpect(jsonPath("$[1].body").value("first"));
    mvc.perform(get("/api/v1/dev/outbox?to=+31622223334"))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].body").value("other"));
    mvc.perform(get("/api/v1/dev/outbox").param("to", "+3162222333"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/v1/dev/outbox"))
        .andExpect(jsonPath("$[0].body").value("second"))
        .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
  }

  @Test
  void pageShowsMessagesInEnglish() throws Exception {
    sms.send("+31633334444", "Your <code> is 424242");
    mvc.perform(get("/dev/outbox").param("to", "+31633334444").header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Development outbox")))
        .andExpect(content().string(containsString("This is a development outbox.")))
        .andExpect(
            content()
                .string(containsString("<pre class=\"message\">Your &lt;code&gt; is 424242</pre>")))
        .andExpect(content().string(containsString("Text message")))
        .andExpect(content().string(containsString("+31633334444")))
        .andExpect(content().string(containsString("id=\"outbox-clear\"")))
        .andExpect(content().string(not(containsString("id=\"outbox-empty\""))));
  }

  @Test
  void pageShowsMessagesAndEmptyStateInDutch() throws Exception {
    voice.call("+31644445555", "Uw code is 1 2 3");
    mvc.perform(get("/dev/outbox").param("to", "+31644445555").header("Accept-Language", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"nl\">")))
        .andExpect(content().string(containsString("Ontwikkel-outbox")))
        .andExpect(content().string(containsString("Dit is een outbox voor ontwikkeling.")))
        .andExpect(content().string(containsString("Spraakoproep")))
        .andExpect(content().string(containsString("Uw code is 1 2 3")));
    mvc.perform(
            get("/dev/outbox").param("to", "nobody@contoso.com").header("Accept-Language", "nl"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"outbox-empty\"")))
        .andExpect(
            content().string(containsString("Er zijn geen berichten aan nobody@contoso.com.")));
  }

  @Test
  void purgeRemovesMessagesPastRetention() {
    String to = "+31655551234";
    sms.send(to, "old");
    clock.advance(Duration.ofDays(8));
    sms.send(to, "new");
    outbox.purge();
    assertThat(outbox.recent(to, 10)).extracting(OutboxMessage::body).containsExactly("new");
  }

  @Test
  void purgeKeepsOnlyTheNewestMessages() {
    String prefix = "+316600000";
    for (int i = 0; i < 5; i++) {
      sms.send(prefix + "00" + i, "message " + i);
    }
    outbox.purge(clock.instant().minus(Duration.ofDays(7)), 2);
    assertThat(outbox.recent(null, 100))
        .extracting(OutboxMessage::body)
        .containsExactly("message 4", "message 3");
  }
}
