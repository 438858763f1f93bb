package dev.rekey.throttle.internal;

import dev.rekey.throttle.ThrottleUnavailable;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * One Lettuce connection to Redis, opened at first use (a node starts even while Redis is down, and
 * reports it in its health) and re-opened by Lettuce after a drop. Commands issued while it is
 * disconnected fail at once, so do requests for a second after a failed first connection, and every
 * command times out after {@code rekey.redis.timeout}: a request never waits long on Redis, it gets
 * {@link ThrottleUnavailable} (503) instead.
 */
final class RedisConnection implements DisposableBean {

  /** After a failed first connection, how long requests fail at once before the next attempt. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final RedisClient client;
  private final String keyPrefix;
  private @Nullable StatefulRedisConnection<String, String> connection;
  private long nextAttempt = System.nanoTime();

  RedisConnection(RedisProperties properties) {
    RedisURI uri = RedisURI.create(properties.url());
    uri.setTimeout(properties.timeout());
    this.client = RedisClient.create(uri);
    this.client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(properties.timeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
            .build());
    this.keyPrefix = properties.keyPrefix();
  }

  String key(String name) {
    return keyPrefix + name;
  }

  /** Runs commands, turning every Redis failure into {@link ThrottleUnavailable}. */
  <T> T run(Function<RedisCommands<String, String>, T> commands) {
    try {
      return commands.apply(connection().sync());
    } catch (RedisException e) {
      throw new ThrottleUnavailable("Redis did not answer: " + e.getMessage(), e);
    }
  }

  /** A Lua script run atomically on the server (EVAL; Redis caches the compiled script). */
  <T> T eval(String script, ScriptOutputType type, String[] keys, String... args) {
    return run(redis -> redis.eval(script, type, keys, args));
  }

  /** PING, for the health indicator. */
  String ping() {
    return run(RedisCommands::ping);
  }

  private synchronized StatefulRedisConnection<String, String> connection() {
    if (connection == null) {
      long now = System.nanoTime();
      if (now - nextAttempt < 0) {
        // Requests do not queue up behind one connection attempt after another while Redis is down.
        throw new RedisConnectionException("Not connected to Redis; the next attempt is soon");
      }
      try {
        connection = client.connect();
      } catch (RedisException e) {
        nextAttempt = now + RETRY_AFTER.toNanos();
        throw e;
      }
    }
    return connection;
  }

  @Override
  public synchronized void destroy() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
  }
}
