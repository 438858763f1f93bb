package dev.rekey.crypto;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master keys come from.
 *
 * @param masterKey a base64-encoded 256-bit key ({@code REKEY_CRYPTO_MASTER_KEY}); wins over the
 *     file
 * @param keyFile a file holding {@code id=base64key} lines; generated with owner-only permissions
 *     when absent and no key is configured (the embedded default)
 * @param activeKeyId which key encrypts new data; defaults to the last key in the file
 * @param keys additional keys by id, for rotation ({@code rekey.crypto.keys.k2=...})
 */
@ConfigurationProperties("rekey.crypto")
public record CryptoProperties(
    @Nullable String masterKey,
    @Nullable Path keyFile,
    @Nullable String activeKeyId,
    @Nullable Map<String, String> keys) {}
