package dev.rekey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Rekey: self-service password reset.
 *
 * <p>Spring Boot's in-memory user (a "user" account with a generated password printed at start) is
 * switched off: Rekey authenticates against its own directory only, and an unused credential is
 * still a credential.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class RekeyApplication {

  public static void main(String[] args) {
    SpringApplication.run(RekeyApplication.class, args);
  }
}
