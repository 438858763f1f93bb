package dev.rekey.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load level: C virtual clients, each on its own thread and connection, send one
 * operation, wait for the answer and send the next. After the warm-up the measured window starts;
 * an operation counts when it ends inside the window. Server CPU is read from /proc before and
 * after the window.
 */
final class LoadRun {

  /** One virtual client's operation; throws {@link Unexpected} for an answer it did not expect. */
  interface Client extends AutoCloseable {
    void op(Steps steps) throws Exception;

    @Override
    default void close() {}
  }

  interface ClientFactory {
    Client create(int index) throws Exception;
  }

  static final class Unexpected extends Exception {
    Unexpected(String step, Http.Response r) {
      super(step + " answered " + r.status() + ": " + abbreviate(r.text()));
    }

    Unexpected(String message) {
      super(message);
    }

    private static String abbreviate(String s) {
      s = s.replaceAll("\\s+", " ");
      return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
  }

  /** Times the HTTP calls of one operation, by step name. */
  static final class Steps {
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    Http.Response call(String name, int expected, CallBody body) throws Exception {
      long t0 = System.nanoTime();
      Http.Response r = body.call();
      nanos.merge(name, System.nanoTime() - t0, Long::sum);
      if (r.status() != expected) {
        throw new Unexpected(name, r);
      }
      return r;
    }
  }

  interface CallBody {
    Http.Response call() throws Exception;
  }

  /** Latencies (ns) of one step or of whole operations. */
  static final class Samples {
    long[] values = new long[1024];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    void addAll(Samples other) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }

    double percentileMs(double p) {
      if (size == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * size);
      return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
      long max = 0;
      for (int i = 0; i < size; i++) {
        max = Math.max(max, values[i]);
      }
      return max / 1e6;
    }
  }

  record Result(
      String scenario,
      int clients,
      long ops,
      double seconds,
      Map<String, Samples> latencies,
      long errors,
      long warmupErrors,
      List<String> errorSamples,
      long serverCpuMs,
      long benchCpuMs) {

    double opsPerSecond() {
      return ops / seconds;
    }

    double cpuMsPerOp() {
      return ops == 0 ? Double.NaN : (double) serverCpuMs / ops;
    }

    double errorRate() {
      return ops + errors == 0 ? 0 : (double) errors / (ops + errors);
    }
  }

  private LoadRun() {}

  static Result run(
      String scenario,
      int clients,
      double warmupSeconds,
      double seconds,
      ClientFactory factory,
      Server server)
      throws Exception {
    List<Client> created = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        created.add(factory.create(i));
      }
      return drive(scenario, created, warmupSeconds, seconds, server);
    } finally {
      for (Client c : created) {
        c.close();
      }
    }
  }

  private static Result drive(
      String scenario, List<Client> clients, double warmupSeconds, double seconds, Server server)
      throws Exception {
    int n = clients.size();
    long[] window = new long[2]; // start and end nanos; volatile semantics via the latch and flags
    Worker[] workers = new Worker[n];
    CountDownLatch ready = new CountDownLatch(n);
    AtomicReference<Throwable> crashed = new AtomicReference<>();
    for (int i = 0; i < n; i++) {
      workers[i] = new Worker(clients.get(i), ready, crashed);
    }
    long begin = System.nanoTime();
    long measureStart = begin + (long) (warmupSeconds * 1e9);
    long measureEnd = measureStart + (long) (seconds * 1e9);
    for (Worker w : workers) {
      w.measureStart = measureStart;
      w.measureEnd = measureEnd;
      w.thread.start();
    }
    sleepUntil(measureStart);
    long cpu0 = server.cpuMillis();
    long bench0 = benchCpuMillis();
    sleepUntil(measureEnd);
    long cpu1 = server.cpuMillis();
    long bench1 = benchCpuMillis();
    for (Worker w : workers) {
      w.stop = true;
    }
    for (Worker w : workers) {
      w.thread.join(180_000);
    }
    window[0] = measureStart;
    window[1] = measureEnd;
    Map<String, Samples> latencies = new LinkedHashMap<>();
    long ops = 0;
    long errors = 0;
    long warmupErrors = 0;
    List<String> samples = new ArrayList<>();
    for (Worker w : workers) {
      ops += w.ops;
      errors += w.errors;
      warmupErrors += w.warmupErrors;
      for (Map.Entry<String, Samples> e : w.latencies.entrySet()) {
        latencies.computeIfAbsent(e.getKey(), k -> new Samples()).addAll(e.getValue());
      }
      for (String s : w.errorSamples) {
        if (samples.size() < 5) {
          samples.add(s);
        }
      }
    }
    return new Result(
        scenario,
        n,
        ops,
        (window[1] - window[0]) / 1e9,
        latencies,
        errors,
        warmupErrors,
        samples,
        cpu1 - cpu0,
        bench1 - bench0);
  }

  private static long benchCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  private static final class Worker implements Runnable {
    final Client client;
    final Thread thread;
    final Map<String, Samples> latencies = new LinkedHashMap<>();
    final List<String> errorSamples = new ArrayList<>();
    final AtomicReference<Throwable> crashed;
    volatile boolean stop;
    long measureStart;
    long measureEnd;
    long ops;
    long errors;
    long warmupErrors;

    Worker(Client client, CountDownLatch ready, AtomicReference<Throwable> crashed) {
      this.client = client;
      this.crashed = crashed;
      this.thread = new Thread(this, "client");
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (!stop) {
        Steps steps = new Steps();
        long t0 = System.nanoTime();
        Exception failure = null;
        try {
          client.op(steps);
        } catch (Exception e) {
          failure = e;
        }
        long t1 = System.nanoTime();
        boolean inWindow = t1 >= measureStart && t1 <= measureEnd;
        if (failure != null) {
          if (inWindow) {
            errors++;
          } else {
            warmupErrors++;
          }
          if (errorSamples.size() < 5) {
            errorSamples.add(String.valueOf(failure.getMessage()));
          }
          if (!(failure instanceof Unexpected)) {
            // an I/O failure: back off briefly so a dead server does not spin the loop
            try {
              Thread.sleep(10);
            } catch (InterruptedException e) {
              return;
            }
          }
          continue;
        }
        if (inWindow) {
          ops++;
          latencies.computeIfAbsent("operation", k -> new Samples()).add(t1 - t0);
          for (Map.Entry<String, Long> e : steps.nanos.entrySet()) {
            latencies.computeIfAbsent(e.getKey(), k -> new Samples()).add(e.getValue());
          }
        }
      }
    }
  }
}
