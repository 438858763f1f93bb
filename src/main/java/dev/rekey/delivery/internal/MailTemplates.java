package dev.rekey.delivery.internal;

import dev.rekey.delivery.DeliveryFailed;
import dev.rekey.delivery.EmailMessage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail templates from {@code templates/delivery/mail/}: {@code <name>.txt} (Thymeleaf TEXT)
 * and {@code <name>.html}, with {@code #{...}} texts and the subject {@code
 * delivery.mail.<name>.subject} from the message bundles.
 *
 * <p>The engine and its resolvers are deliberately not beans: Boot's web engine backs off when any
 * {@code ISpringTemplateEngine} bean exists and adopts every {@code ITemplateResolver} bean, so
 * exposing them would change how pages render.
 */
@Component
class MailTemplates {

  static final String PREFIX = "templates/delivery/mail/";
  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final MessageSource messages;

  MailTemplates(MessageSource messages) {
    this.messages = messages;
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    engine.setTemplateEngineMessageSource(messages);
  }

  private static ClassLoaderTemplateResolver resolver(
      TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(PREFIX);
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** English unless the language is one we write in. */
  static Locale supported(Locale locale) {
    return SUPPORTED.stream()
        .filter(l -> l.getLanguage().equals(locale.getLanguage()))
        .findFirst()
        .orElse(Locale.ENGLISH);
  }

  RenderedMail render(EmailMessage message) {
    String name = message.template();
    if (!NAME.matcher(name).matches()) {
      throw new DeliveryFailed("invalid mail template name: " + name);
    }
    Locale locale = supported(message.locale());
    Context context = new Context(locale, message.model());
    try {
      String subject = messages.getMessage("delivery.mail." + name + ".subject", null, locale);
      return new RenderedMail(
          subject,
          engine.process(name + ".txt", context).strip() + "\n",
          engine.process(name + ".html", context));
    } catch (TemplateEngineException | org.springframework.context.NoSuchMessageException e) {
      throw new DeliveryFailed("cannot render mail template " + name, e);
    }
  }
}
