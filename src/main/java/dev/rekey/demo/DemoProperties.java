package dev.rekey.demo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo tenant ({@code rekey.demo.*}).
 *
 * @param enabled whether to create the Contoso demo tenant at start-up when it does not exist
 * @param password the initial password of the demo users
 */
@Validated
@ConfigurationProperties("rekey.demo")
public record DemoProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("Welcome-to-Rekey-1") @NotBlank @Size(min = 8, max = 256) String password) {}
