package dev.rekey.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system side of {@link Slapd}: a temporary directory with a cn=config made by {@code
 * slapadd -n0} from {@code /slapd/config.ldif}, and {@code slapd -d 0} in the foreground as a child
 * process on a free port of 127.0.0.1, killed by {@link #stop()} (also on JVM exit). With TLS, a
 * self-signed certificate for 127.0.0.1 made by {@code openssl} serves StartTLS on that port and
 * LDAPS on a second one.
 */
final class SlapdProcess {

  static final Path SLAPD = Paths.get("/usr/sbin/slapd");
  static final Path SLAPADD = Paths.get("/usr/sbin/slapadd");
  static final Path OPENSSL = Paths.get("/usr/bin/openssl");
  private static final long START_TIMEOUT_MS = 10_000;
  private static final int ATTEMPTS = 3;

  private final Path dir;
  private final Map<String, String> values;
  private final int port;
  private final int ldapsPort;
  private final Process process;
  private final Thread shutdownHook;

  private SlapdProcess(
      Path dir, Map<String, String> values, int port, int ldapsPort, Process process) {
    this.dir = dir;
    this.values = values;
    this.port = port;
    this.ldapsPort = ldapsPort;
    this.process = process;
    this.shutdownHook = new Thread(this::kill, "slapd-" + port + "-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Configures and starts a server; returns once its port answers (at most 10 s per attempt). */
  static SlapdProcess start(Map<String, String> placeholders, boolean tls) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("rekey-slapd-");
      Files.createDirectories(dir.resolve("slapd.d"));
      Files.createDirectories(dir.resolve("data"));
      Map<String, String> values = new HashMap<>(placeholders);
      values.put("${DIR}", dir.toString());
      values.put("${TLS}", tls ? certificate(dir) : "# no TLS");
      Path config = dir.resolve("config.ldif");
      Files.writeString(config, render("config.ldif", values));
      run(dir, SLAPADD, "-n0", "-F", dir.resolve("slapd.d").toString(), "-l", config.toString());
      String failure = "";
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) { // a free port may be taken meanwhile
        int port = freePort();
        int ldapsPort = tls ? freePort() : -1;
        String urls =
            "ldap://127.0.0.1:" + port + "/" + (tls ? " ldaps://127.0.0.1:" + ldapsPort + "/" : "");
        Process process =
            new ProcessBuilder(
                    SLAPD.toString(),
                    "-h",
                    urls,
                    "-F",
                    dir.resolve("slapd.d").toString(),
                    "-d",
                    "0")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("slapd.log").toFile())
                .start();
        if (awaitPort(process, port) && (!tls || awaitPort(process, ldapsPort))) {
          return new SlapdProcess(dir, Map.copyOf(values), port, ldapsPort, process);
        }
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        failure = "slapd did not answer on port " + port + ": " + read(dir.resolve("slapd.log"));
      }
      throw new IOException(failure);
    } catch (IOException e) {
      delete(dir);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delete(dir);
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return port;
  }

  /** The LDAPS port, or -1 without TLS. */
  int ldapsPort() {
    return ldapsPort;
  }

  /** The server certificate (PEM), or null without TLS. */
  String certificatePem() {
    return ldapsPort < 0 ? null : read(dir.resolve("cert.pem"));
  }

  /** A test resource under {@code /slapd/} with this server's placeholders replaced. */
  String resource(String name) {
    try {
      return render(name, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the server and deletes its directory. */
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    kill();
  }

  private void kill() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    delete(dir);
  }

  private static boolean awaitPort(Process process, int port) throws InterruptedException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (process.isAlive() && System.currentTimeMillis() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    return false;
  }

  /** A P-256 key and a self-signed certificate for 127.0.0.1; returns the cn=config lines. */
  private static String certificate(Path dir) throws IOException, InterruptedException {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    run(
        dir,
        OPENSSL,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString());
    return "olcTLSCertificateFile: " + cert + "\nolcTLSCertificateKeyFile: " + key;
  }

  private static String render(String name, Map<String, String> values) throws IOException {
    try (InputStream in = SlapdProcess.class.getResourceAsStream("/slapd/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /slapd/" + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace(value.getKey(), value.getValue());
      }
      return text;
    }
  }

  private static void run(Path dir, Path program, String... args)
      throws IOException, InterruptedException {
    Path output = dir.resolve(program.getFileName() + ".log");
    List<String> command = new ArrayList<>(List.of(program.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + read(output));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
