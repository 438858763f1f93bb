package dev.rekey.password;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the password policy.
 *
 * @param breachedFile a file of breached-password hashes in the public "pwned passwords" SHA-1
 *     format (lines {@code SHA1HEX:COUNT}, sorted by hash); unset turns the check off. Read in
 *     place, never loaded whole and never sent anywhere (SPEC §7).
 */
@ConfigurationProperties("rekey.password")
public record PasswordProperties(@Nullable Path breachedFile) {}
