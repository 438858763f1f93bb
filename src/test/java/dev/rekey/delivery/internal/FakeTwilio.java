package dev.rekey.delivery.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for a Twilio-compatible gateway: answers with scripted responses
 * (201 once the script runs out) and records every request.
 */
final class FakeTwilio implements AutoCloseable {

  record Recorded(String method, String path, String authorization, Map<String, String> form) {}

  private record Scripted(int status, String body, Duration delay) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Scripted> script = new ArrayDeque<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  FakeTwilio() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  FakeTwilio thenAnswer(int status, String body) {
    return thenAnswerAfter(Duration.ZERO, status, body);
  }

  synchronized FakeTwilio thenAnswerAfter(Duration delay, int status, String body) {
    script.add(new Scripted(status, body, delay));
    return this;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
            decode(body)));
    Scripted next;
    synchronized (this) {
      next =
          script.isEmpty()
              ? new Scripted(201, "{\"sid\":\"SM123\"}", Duration.ZERO)
              : script.poll();
    }
    try {
      Thread.sleep(next.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(next.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException clientGone) {
      // The client timed out and closed the connection: nothing to answer.
    } finally {
      exchange.close();
    }
  }

  private static Map<String, String> decode(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      if (!pair.isEmpty()) {
        String[] parts = pair.split("=", 2);
        fields.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return fields;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
