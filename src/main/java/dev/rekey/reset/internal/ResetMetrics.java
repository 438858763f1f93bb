package dev.rekey.reset.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Prometheus counters for the reset portal (SPEC §9): flows started, succeeded (by intent), failed
 * (by reason) and abandoned (by step); verifications by method and outcome.
 */
@Component
class ResetMetrics {

  private final MeterRegistry registry;
  private final Counter started;

  ResetMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.started =
        Counter.builder("rekey.reset.flows.started")
            .description("Reset flows started")
            .register(registry);
  }

  void started() {
    started.increment();
  }

  void succeeded(ResetFlow.Intent intent) {
    registry
        .counter("rekey.reset.flows.succeeded", "intent", intent.name().toLowerCase())
        .increment();
  }

  void failed(String reason) {
    registry.counter("rekey.reset.flows.failed", "reason", reason).increment();
  }

  void abandoned(ResetFlow.Step step) {
    registry.counter("rekey.reset.flows.abandoned", "step", step.code()).increment();
  }

  void verification(String method, boolean success) {
    registry
        .counter(
            "rekey.reset.verifications",
            "method",
            method,
            "result",
            success ? "success" : "failure")
        .increment();
  }
}
