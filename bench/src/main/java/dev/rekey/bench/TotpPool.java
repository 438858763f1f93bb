package dev.rekey.bench;

/**
 * Hands out seeded accounts with an authenticator app for app-code verifications within Rekey's
 * rules: a code is accepted once per time step and only for a step later than the last accepted one
 * (RFC 6238 §5.2, ±1 step), and at most 5 app validations per account and hour before SSPR is
 * blocked (docs/reset.md) — the bench stays at {@value #MAX_VALIDATIONS}; a completed reset clears
 * the counters. An account is leased by one client at a time.
 */
final class TotpPool {

  static final int MAX_VALIDATIONS = 4;

  record Lease(int index, long step) {}

  private final int accounts;
  private final long[] lastStep;
  private final int[] validations;
  private final boolean[] busy;
  private int cursor;

  TotpPool(int accounts) {
    this.accounts = accounts;
    this.lastStep = new long[accounts];
    this.validations = new int[accounts];
    this.busy = new boolean[accounts];
  }

  /**
   * An account and the time step whose code to send: the current step, or the next one (still
   * inside the server's ±1 window) when the current one was used.
   */
  synchronized Lease acquire() throws LoadRun.Unexpected {
    long now = Seeded.step(System.currentTimeMillis());
    for (int tried = 0; tried < accounts; tried++) {
      int i = cursor;
      cursor = (cursor + 1) % accounts;
      if (!Seeded.resettable(i) || busy[i] || validations[i] >= MAX_VALIDATIONS) {
        continue;
      }
      long step = Math.max(now, lastStep[i] + 1);
      if (step > now + 1) {
        continue;
      }
      busy[i] = true;
      return new Lease(i, step);
    }
    throw new LoadRun.Unexpected(
        "no seeded account left for an app verification (raise --accounts): each allows "
            + MAX_VALIDATIONS
            + " per run and 2 per 30 s");
  }

  synchronized void release(Lease lease, boolean verified, boolean reset) {
    int i = lease.index();
    busy[i] = false;
    // A failed or unknown outcome counts as a validation too: never risk a block.
    validations[i]++;
    if (verified) {
      lastStep[i] = lease.step();
    } else {
      lastStep[i] = Math.max(lastStep[i], lease.step());
    }
    if (reset) {
      validations[i] = 0;
    }
  }
}
