package dev.rekey.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client in front of several nodes, like a round-robin load balancer without
 * sticky sessions: each request goes to the next node, and the cookies (session, CSRF token) travel
 * with it whichever node set them. Requests can also name their node.
 */
final class RoundRobin {

  record Response(int status, String body, ClusterNode node) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Supplier<List<ClusterNode>> nodes;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final List<String> visited = new ArrayList<>();
  private int next;

  RoundRobin(Supplier<List<ClusterNode>> nodes) {
    this.nodes = nodes;
  }

  /** The next node in turn. */
  ClusterNode next() {
    List<ClusterNode> all = nodes.get();
    return all.get(next++ % all.size());
  }

  Response get(String path) {
    return get(next(), path);
  }

  Response post(String path, String json) {
    return post(next(), path, json);
  }

  Response get(ClusterNode node, String path) {
    return send(node, HttpRequest.newBuilder(URI.create(node.url(path))).GET(), null);
  }

  Response post(ClusterNode node, String path, String json) {
    return send(
        node,
        HttpRequest.newBuilder(URI.create(node.url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        json);
  }

  @SuppressWarnings("unused")
  private Response send(ClusterNode node, HttpRequest.Builder request, String body) {
    request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    String csrf = cookies.get("XSRF-TOKEN");
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        remember(header);
      }
      visited.add(node.name);
      return new Response(response.statusCode(), response.body(), node);
    } catch (IOException e) {
      throw new IllegalStateException("request to " + node + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void remember(String setCookie) {
    String[] parts = setCookie.split(";");
    String pair = parts[0];
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = pair.substring(0, eq).strip();
    String value = pair.substring(eq + 1).strip();
    boolean expired = value.isEmpty();
    for (String attribute : parts) {
      if (attribute.strip().equalsIgnoreCase("Max-Age=0")) {
        expired = true;
      }
    }
    if (expired) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  void forgetCookies() {
    cookies.clear();
  }

  /** The names of the nodes that answered, in order. */
  List<String> visited() {
    return visited;
  }
}
