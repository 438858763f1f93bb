package dev.rekey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rekey: self-service password reset. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RekeyApplication {

  public static void main(String[] args) {
    SpringApplication.run(RekeyApplication.class, args);
  }
}
