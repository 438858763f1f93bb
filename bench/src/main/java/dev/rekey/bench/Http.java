package dev.rekey.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal blocking HTTP/1.1 client: one keep-alive connection, one request at a time, and a
 * cookie jar. Lighter on the shared CPU than a general-purpose client, and every byte it sends is
 * visible here.
 */
final class Http implements Closeable {

  /** An answer: status, headers (names in lower case) and the body. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private final String host;
  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  Http(String host, int port) {
    this.host = host;
    this.port = port;
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  void clearCookies() {
    cookies.clear();
  }

  Response get(String path) throws IOException {
    return send("GET", path, null, null);
  }

  Response postJson(String path, String json, String xsrf) throws IOException {
    return send("POST", path, json.getBytes(StandardCharsets.UTF_8), xsrf);
  }

  Response send(String method, String path, byte[] body, String xsrf) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    head.append("Accept: application/json, text/html\r\n");
    head.append("Accept-Language: en\r\n");
    if (!cookies.isEmpty()) {
      head.append("Cookie: ");
      boolean first = true;
      for (Map.Entry<String, String> c : cookies.entrySet()) {
        if (!first) {
          head.append("; ");
        }
        head.append(c.getKey()).append('=').append(c.getValue());
        first = false;
      }
      head.append("\r\n");
    }
    if (xsrf != null) {
      head.append("X-XSRF-TOKEN: ").append(xsrf).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    boolean reused = socket != null;
    try {
      return exchange(method, headBytes, body);
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
      // The server may close an idle keep-alive connection between two requests: retry once.
      return exchange(method, headBytes, body);
    }
  }

  private Response exchange(String method, byte[] head, byte[] body) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(120_000);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }
    out.write(head);
    if (body != null) {
      out.write(body);
    }
    out.flush();
    String statusLine = line();
    if (statusLine == null) {
      throw new EOFException("connection closed before the answer");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    byte[] content;
    String length = first(headers, "content-length");
    String encoding = first(headers, "transfer-encoding");
    if ("HEAD".equals(method) || status == 204 || status == 304 || status / 100 == 1) {
      content = new byte[0];
    } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      content = chunked();
    } else if (length != null) {
      content = in.readNBytes(Integer.parseInt(length));
    } else {
      content = in.readAllBytes();
      close();
    }
    String connection = first(headers, "connection");
    if (connection != null && connection.equalsIgnoreCase("close")) {
      close();
    }
    List<String> setCookies = headers.get("set-cookie");
    if (setCookies != null) {
      for (String c : setCookies) {
        remember(c);
      }
    }
    return new Response(status, headers, content);
  }

  private void remember(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = pair.substring(0, eq).trim();
    String value = pair.substring(eq + 1).trim();
    String lower = setCookie.toLowerCase(Locale.ROOT);
    if (value.isEmpty() || lower.contains("max-age=0")) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
    while (true) {
      String size = line();
      if (size == null) {
        throw new EOFException("connection closed inside a chunked body");
      }
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (n == 0) {
        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line();
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
          line.setLength(len - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
    return line.length() == 0 ? null : line.toString();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    socket = null;
    in = null;
    out = null;
  }
}
