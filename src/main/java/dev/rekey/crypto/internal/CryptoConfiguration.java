package dev.rekey.crypto.internal;

import dev.rekey.crypto.CryptoProperties;
import dev.rekey.crypto.SecretCipher;
import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the master keys at start-up, so a missing or malformed key stops Rekey before it serves.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

  @Bean
  SecretCipher secretCipher(CryptoProperties properties, SecureRandom random) {
    return new AesGcmSecretCipher(MasterKeys.load(properties, random), random);
  }
}
