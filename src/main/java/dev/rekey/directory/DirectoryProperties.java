package dev.rekey.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded directory.
 *
 * @param passwordHistory how many previous passwords of a rekey account cannot be reused (SPEC §7)
 */
@Validated
@ConfigurationProperties("rekey.directory")
public record DirectoryProperties(@DefaultValue("5") @Min(0) @Max(24) int passwordHistory) {}
