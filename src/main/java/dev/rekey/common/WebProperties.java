package dev.rekey.common;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings ({@code rekey.web.*}).
 *
 * @param baseUrl the public URL users reach Rekey at, for links in email; empty means the request's
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed;
 *     forwarding headers from anyone else are ignored (SPEC §5.1)
 * @param maxApiBody the largest JSON body the API reads
 */
@ConfigurationProperties("rekey.web")
public record WebProperties(
    @DefaultValue("") String baseUrl,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("64KB") DataSize maxApiBody) {}
