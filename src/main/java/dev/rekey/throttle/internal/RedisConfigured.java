package dev.rekey.throttle.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether {@code rekey.redis.url} (or {@code REKEY_REDIS_URL}) names a Redis server. */
final class RedisConfigured implements Condition {

  static final String PROPERTY = "rekey.redis.url";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return configured(context);
  }

  static boolean configured(ConditionContext context) {
    String url = context.getEnvironment().getProperty(PROPERTY, "");
    return !url.isBlank();
  }

  /** The opposite: the database keeps the counters. */
  static final class Not implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !configured(context);
    }
  }
}
