package dev.rekey.demo;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Rekey where to go and, for the demo, how to sign in. */
@Component
class StartupMessage {

  private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

  private final DemoProperties demo;
  private final Environment environment;

  StartupMessage(DemoProperties demo, Environment environment) {
    this.demo = demo;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    StringBuilder text = new StringBuilder();
    text.append("\n\n  Rekey is running at http://localhost:").append(port).append("/\n");
    if (demo.enabled()) {
      text.append("  Demo sign-ins (password: the value of rekey.demo.password,")
          .append(" by default Welcome-to-Rekey-1):\n");
      text.append(
          DemoTenant.USERS.stream()
              .map(
                  u ->
                      String.format(
                          "    %-22s %s%s",
                          u.upn(),
                          u.role().code(),
                          u.authority().code().equals("external")
                              ? " (password managed elsewhere)"
                              : ""))
              .collect(Collectors.joining("\n")));
      text.append("\n  Messages sent in the demo appear at http://localhost:")
          .append(port)
          .append("/dev/outbox\n");
    }
    log.info(text.toString());
  }
}
