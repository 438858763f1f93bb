package dev.rekey.throttle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in throttling settings ({@code rekey.throttle.signin.*}).
 *
 * @param freeFailures failures per account (and per account and client) before delays start
 * @param baseDelay the first delay; each further failure doubles it
 * @param maxDelay the longest delay an account's attempts are held, whoever makes them
 * @param maxClientWait the longest a client must wait between attempts on one account
 * @param clientFailures failures from one client address, over all accounts, before it is refused
 * @param accountWindow how long account failures are remembered
 * @param clientWindow how long client failures are remembered
 */
@Validated
@ConfigurationProperties("rekey.throttle.signin")
public record SignInThrottleProperties(
    @DefaultValue("3") @Min(0) @Max(100) int freeFailures,
    @DefaultValue("250ms") Duration baseDelay,
    @DefaultValue("5s") Duration maxDelay,
    @DefaultValue("15m") Duration maxClientWait,
    @DefaultValue("50") @Min(1) int clientFailures,
    @DefaultValue("24h") Duration accountWindow,
    @DefaultValue("1h") Duration clientWindow) {}
