package dev.rekey.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelpdeskBundlesTest {

  @Test
  void dutchHasEveryEnglishKeyAndEveryReasonHasWords() throws Exception {
    Set<Object> english = keys("i18n/helpdesk.properties");
    assertThat(keys("i18n/helpdesk_nl.properties")).isEqualTo(english);
    for (String reason : ContactAdmin.REASONS) {
      assertThat(english).contains("helpdesk.reason." + reason);
    }
  }

  private static Set<Object> keys(String resource) throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        HelpdeskBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(in);
    }
    return properties.keySet();
  }
}
