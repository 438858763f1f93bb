package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.support.RekeyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Live mode with nothing listening on the SMTP port ({@code @RekeyTest} points it at port 1): the
 * password still changes, and the outbox does not exist.
 */
@RekeyTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "rekey.delivery.mode=live")
class LiveDeliveryWithoutServerTest {

  @Autowired MockMvc mvc;

  @Test
  void smtpFailureDoesNotFailThePasswordChange(CapturedOutput output) throws Exception {
    Journeys.changePassword(mvc, "alain@contoso.com", "en", "changed while mail is down 9");
    Journeys.signIn(mvc, "alain@contoso.com", "changed while mail is down 9", "en");
    // The failure is logged with the recipient masked and without the message body.
    assertThat(output.getOut())
        .contains("Password-change notice not delivered")
        .contains("a•••@contoso.com")
        .doesNotContain("Hello Alain Lambert");
  }

  @Test
  void outboxPageAndApiAreNotFound() throws Exception {
    mvc.perform(get("/dev/outbox")).andExpect(status().isNotFound());
    mvc.perform(get("/dev/outbox").param("to", "alain@contoso.com"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/dev/outbox")).andExpect(status().isNotFound());
  }
}
