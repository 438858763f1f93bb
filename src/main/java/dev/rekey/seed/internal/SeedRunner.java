package dev.rekey.seed.internal;

import dev.rekey.seed.SeedProperties;
import java.io.PrintStream;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The seeding command: when {@code rekey.seed.accounts} is set, seeds, prints the outcome and ends
 * the JVM — status 0 after success, 2 when the input was refused (nothing changed), 1 on failure.
 */
@Component
@Order(100)
@ConditionalOnProperty(prefix = "rekey.seed", name = "accounts")
class SeedRunner implements ApplicationRunner {

  static final int REFUSED = 2;
  static final int FAILED = 1;

  private final SeedProperties properties;
  private final Seeder seeder;
  private final ConfigurableApplicationContext context;

  SeedRunner(SeedProperties properties, Seeder seeder, ConfigurableApplicationContext context) {
    this.properties = properties;
    this.seeder = seeder;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    int status = seed(System.out, System.err);
    int exit = SpringApplication.exit(context, (ExitCodeGenerator) () -> status);
    System.exit(exit);
  }

  int seed(PrintStream out, PrintStream err) {
    try {
      long accounts = properties.accounts() == null ? 0 : properties.accounts();
      SeedRequest request = SeedRequest.of(accounts, properties.domain(), properties.password());
      out.printf(
          Locale.ROOT, "Seeding %,d accounts into %s%n", request.accounts(), request.domain());
      Seeder.Result result =
          seeder.seed(request, new Progress(out, System.console() != null, request.accounts()));
      out.printf(
          Locale.ROOT,
          "Seeded %,d accounts, %,d methods, %,d group memberships and %,d audit events"
              + " (%,d rows) into tenant %s in %s%n",
          result.accounts(),
          result.methods(),
          result.memberships(),
          result.auditEvents(),
          result.rows(),
          result.tenantId(),
          Progress.clock(result.took()));
      return 0;
    } catch (SeedRefused refused) {
      err.println("Seeding refused, nothing changed: " + refused.getMessage());
      return REFUSED;
    } catch (RuntimeException e) {
      err.println("Seeding failed, nothing was kept (one transaction): " + e.getMessage());
      e.printStackTrace(err);
      return FAILED;
    }
  }
}
