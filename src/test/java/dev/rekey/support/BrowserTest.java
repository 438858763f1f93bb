package dev.rekey.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A browser journey: the whole application on a random port, driven by headless Chromium. Runs when
 * Chromium is installed and always under CI. Inject the port with {@code @LocalServerPort}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "rekey.data-dir=target/test-data",
      "rekey.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      "rekey.throttle.signin.base-delay=0ms",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=1"
    })
@Import(TestClock.Configuration.class)
@Tag("browser")
@ExtendWith(RequiredServices.Chromium.class)
public @interface BrowserTest {}
