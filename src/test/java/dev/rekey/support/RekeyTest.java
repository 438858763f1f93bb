package dev.rekey.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An integration test against the whole application and a real database: H2 in the default run,
 * PostgreSQL in the {@code postgresql} Surefire execution (tag {@code database}). The demo tenant
 * is there; MockMvc drives the web layer; {@link TestClock} lets tests move time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "rekey.data-dir=target/test-data",
      "rekey.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      "rekey.throttle.signin.base-delay=0ms",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=1"
    })
@AutoConfigureMockMvc
@Import(TestClock.Configuration.class)
@Tag("database")
@ExtendWith(RequiredServices.Database.class)
public @interface RekeyTest {}
