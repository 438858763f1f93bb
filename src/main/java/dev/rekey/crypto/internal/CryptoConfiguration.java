package dev.rekey.crypto.internal;

import dev.rekey.crypto.CryptoProperties;
import dev.rekey.crypto.KeyedHash;
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
  MasterKeys masterKeys(CryptoProperties properties, SecureRandom random) {
    return MasterKeys.load(properties, random);
  }

  @Bean
  SecretCipher secretCipher(MasterKeys keys, SecureRandom random) {
    return new AesGcmSecretCipher(keys, random);
  }

  @Bean
  KeyedHash keyedHash(MasterKeys keys) {
    return new HmacKeyedHash(keys);
  }
}
