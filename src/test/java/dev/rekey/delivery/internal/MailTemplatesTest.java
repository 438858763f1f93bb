package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates(messages());

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("i18n/delivery");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  static Map<String, Object> model(String kind) {
    Map<String, Object> model = new HashMap<>();
    model.put("displayName", "Alain <b>Lambert</b>");
    model.put("kind", kind);
    model.put("time", "14 March 2026, 10:15 UTC");
    model.put("clientIp", "192.0.2.7");
    model.put("userId", "alain@contoso.com");
    return model;
  }

  @Test
  void passwordChangedInEnglish() {
    RenderedMail mail =
        templates.render(
            new EmailMessage(
                "alain@contoso.com",
                Locale.ENGLISH,
                "password-changed",
                model("self-service-change")));
    assertThat(mail.subject()).isEqualTo("Your password was changed");
    assertThat(mail.text())
        .startsWith("Hello Alain <b>Lambert</b>,")
        .contains("signed in with your current password")
        .contains("Account: alain@contoso.com")
        .contains("Time: 14 March 2026, 10:15 UTC")
        .contains("IP address: 192.0.2.7")
        .contains("If this wasn't you")
        .doesNotContain("[(")
        .doesNotContain("<p>");
    assertThat(mail.html())
        .contains("<html lang=\"en\">")
        .contains("Alain &lt;b&gt;Lambert&lt;/b&gt;")
        .doesNotContain("<b>Lambert</b>")
        .contains("192.0.2.7")
        .doesNotContain("Reset your password</a>");
  }

  @Test
  void passwordChangedInDutch() {
    Map<String, Object> model = model("admin-reset");
    model.put("resetUrl", "https://sspr.contoso.com/reset");
    RenderedMail mail =
        templates.render(
            new EmailMessage(
                "alain@contoso.com", Locale.forLanguageTag("nl-BE"), "password-changed", model));
    assertThat(mail.subject()).isEqualTo("Uw wachtwoord is gewijzigd");
    assertThat(mail.text())
        .startsWith("Beste Alain <b>Lambert</b>,")
        .contains("Een beheerder heeft zojuist")
        .contains("IP-adres: 192.0.2.7")
        .contains("Was u dit niet")
        .contains("Uw wachtwoord opnieuw instellen: https://sspr.contoso.com/reset");
    assertThat(mail.html())
        .contains("<html lang=\"nl\">")
        .contains("href=\"https://sspr.contoso.com/reset\"")
        .contains("Tijdstip");
  }

  @ParameterizedTest
  @ValueSource(strings = {"self-service-change", "self-service-reset", "admin-reset"})
  void everyKindHasItsOwnTextInBothLanguages(String kind) {
    for (Locale locale : MailTemplates.SUPPORTED) {
      RenderedMail mail =
          templates.render(
              new EmailMessage("a@contoso.com", locale, "password-changed", model(kind)));
      String intro = messages().getMessage("delivery.mail.password-changed." + kind, null, locale);
      assertThat(mail.text()).contains(intro);
      assertThat(mail.html()).contains(intro.replace("'", "&#39;"));
    }
  }

  @Test
  void unsupportedLanguageFallsBackToEnglish() {
    RenderedMail mail =
        templates.render(
            new EmailMessage(
                "a@contoso.com", Locale.GERMAN, "password-changed", model("self-service-reset")));
    assertThat(mail.subject()).isEqualTo("Your password was changed");
  }

  @Test
  void unknownOrMalformedTemplateIsADeliveryFailure() {
    assertThatThrownBy(
            () ->
                templates.render(
                    new EmailMessage("a@contoso.com", Locale.ENGLISH, "no-such-mail", Map.of())))
        .isInstanceOf(DeliveryFailed.class);
    assertThatThrownBy(
            () ->
                templates.render(
                    new EmailMessage("a@contoso.com", Locale.ENGLISH, "../outbox", Map.of())))
        .isInstanceOf(DeliveryFailed.class);
  }

  @Test
  void dutchBundleHasEveryEnglishKey() throws IOException {
    Properties en = load("i18n/delivery.properties");
    Properties nl = load("i18n/delivery_nl.properties");
    assertThat(en).isNotEmpty();
    assertThat(nl.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MailTemplatesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(in);
    }
    return properties;
  }
}
