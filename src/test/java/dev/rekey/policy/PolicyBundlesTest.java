package dev.rekey.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The policy and question bundles are complete in both languages. */
class PolicyBundlesTest {

  @Test
  void predefinedQuestionsHaveThirtyFiveIdsEachTranslated() throws IOException {
    Properties en = load("i18n/questions.properties");
    Properties nl = load("i18n/questions_nl.properties");
    assertThat(PredefinedQuestions.ids()).hasSize(35).startsWith("q01").endsWith("q35");
    for (String id : PredefinedQuestions.ids()) {
      String key = PredefinedQuestions.messageKey(id);
      assertThat(en.getProperty(key)).as(key).isNotBlank().contains("?").doesNotContain("''");
      assertThat(nl.getProperty(key)).as(key).isNotBlank().isNotEqualTo(en.getProperty(key));
    }
    assertThat(en.stringPropertyNames()).hasSize(35);
    assertThat(nl.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
  }

  @Test
  void policyBundleHasTheSameKeysInEnglishAndDutch() throws IOException {
    assertThat(load("i18n/policy_nl.properties").stringPropertyNames())
        .isEqualTo(load("i18n/policy.properties").stringPropertyNames());
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (var in = PolicyBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
