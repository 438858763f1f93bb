package dev.rekey.captcha;

/**
 * A challenge as {@code GET /api/v1/captcha} answers it (ALTCHA format).
 *
 * @param algorithm always {@code SHA-256}
 * @param challenge lower-case hex of {@code sha256(salt + secretNumber)}
 * @param salt random hex followed by {@code ?expires=<epoch seconds>}
 * @param maxnumber the largest number the client has to try
 * @param signature lower-case hex HMAC-SHA-256 of {@code challenge} under a server key
 */
public record CaptchaChallenge(
    String algorithm, String challenge, String salt, long maxnumber, String signature) {}
