package dev.rekey.seed.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar on the console: percentage, rows per second and the time left. On a terminal the
 * bar redraws in place; in a log (no console) it prints a line every 5 %.
 */
class Progress {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final long total;
  private final long started = System.nanoTime();
  private long lastDraw;
  private int lastPercentLine = -1;
  private boolean finished;

  Progress(PrintStream out, boolean terminal, long total) {
    this.out = out;
    this.terminal = terminal;
    this.total = Math.max(1, total);
  }

  /** A bar that prints nothing (tests). */
  static Progress silent(long total) {
    return new Progress(new PrintStream(PrintStream.nullOutputStream()), false, total);
  }

  /**
   * @param done accounts written so far
   * @param rows table rows written so far (accounts, methods, roles, members, events)
   */
  void update(long done, long rows) {
    if (finished) {
      return;
    }
    finished = done >= total;
    long now = System.nanoTime();
    int percent = (int) (done * 100 / total);
    if (terminal) {
      if (now - lastDraw < 200_000_000L && done < total) {
        return;
      }
      lastDraw = now;
      out.print("\r" + line(done, rows, now));
      if (done >= total) {
        out.println();
      }
    } else if (percent / 5 > lastPercentLine || done >= total) {
      lastPercentLine = percent / 5;
      out.println(line(done, rows, now));
    }
    out.flush();
  }

  String line(long done, long rows, long now) {
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    int filled = (int) (done * WIDTH / total);
    long eta = done == 0 ? 0 : (long) (seconds * (total - done) / done);
    return String.format(
        Locale.ROOT,
        "[%s%s] %5.1f %% %,d/%,d accounts, %,.0f rows/s, ETA %s",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        done * 100.0 / total,
        done,
        total,
        rows / seconds,
        clock(Duration.ofSeconds(eta)));
  }

  static String clock(Duration d) {
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
