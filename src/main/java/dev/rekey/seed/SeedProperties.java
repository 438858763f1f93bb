package dev.rekey.seed;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seeding run's settings ({@code --rekey.seed.*}); seeding happens only when {@code accounts}
 * is set, and the application exits afterwards.
 *
 * @param accounts how many accounts to create, 1 to 10,000,000; null means no seeding
 * @param domain the new tenant's verified domain; it must not belong to a tenant yet
 * @param password every seeded account's password (test data only)
 */
@ConfigurationProperties("rekey.seed")
public record SeedProperties(
    @Nullable Long accounts,
    @DefaultValue(SeededAccounts.DEFAULT_DOMAIN) String domain,
    @DefaultValue(SeededAccounts.DEFAULT_PASSWORD) String password) {}
