package dev.rekey.password.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Microsoft Entra's banned-password evaluation (SPEC §7, after Entra's published algorithm):
 *
 * <ol>
 *   <li>normalise the password ({@link PasswordNormaliser});
 *   <li>find the global and the tenant's banned terms in it, allowing edit distance 1 (one
 *       character substituted, added or left out);
 *   <li>find the user's first and last name and the tenant's name as exact substrings (only those
 *       of at least 4 characters);
 *   <li>score 1 per banned term found plus 1 per remaining character; a password needs 5.
 * </ol>
 *
 * Where found terms overlap, the score is the lowest any choice of non-overlapping terms gives, so
 * the check errs on the strict side. Cost: a hash look-up per window of the password and each of
 * its one-deletion variants, independent of how many terms there are.
 */
final class BannedPasswords {

  /** Entra's threshold. */
  static final int MIN_SCORE = 5;

  private BannedPasswords() {}

  /**
   * @param score Entra's score; 5 or more passes
   * @param termsFound how many banned terms and names the lowest score counted
   */
  record Result(int score, int termsFound) {

    boolean acceptable() {
      return score >= MIN_SCORE;
    }
  }

  /**
   * Scores a password.
   *
   * @param global the list shipped with Rekey
   * @param custom the tenant's own banned terms
   * @param names the user's first and last name and the tenant's name (exact substrings)
   */
  static Result evaluate(
      String password, TermIndex global, TermIndex custom, Collection<String> names) {
    int[] text = PasswordNormaliser.normalise(password);
    int n = text.length;
    // starts[e] holds the start of every found term that ends at e (exclusive).
    List<List<Integer>> starts = new ArrayList<>(n + 1);
    for (int i = 0; i <= n; i++) {
      starts.add(new ArrayList<>(0));
    }
    fuzzyTerms(text, global, custom, starts);
    names(text, names, starts);
    return cheapest(n, starts);
  }

  private static void fuzzyTerms(
      int[] text, TermIndex global, TermIndex custom, List<List<Integer>> starts) {
    int minWindow = Math.max(1, Math.min(global.minWindow(), custom.minWindow()));
    int maxWindow = Math.min(text.length, Math.max(global.maxWindow(), custom.maxWindow()));
    List<String> deletions = new ArrayList<>(maxWindow);
    for (int length = minWindow; length <= maxWindow; length++) {
      for (int start = 0; start + length <= text.length; start++) {
        String window = new String(text, start, length);
        deletions.clear();
        for (int skip = 0; skip < length; skip++) {
          deletions.add(TermIndex.without(text, start, length, skip));
        }
        if (global.matches(window, deletions) || custom.matches(window, deletions)) {
          starts.get(start + length).add(start);
        }
      }
    }
  }

  private static void names(int[] text, Collection<String> names, List<List<Integer>> starts) {
    for (String name : names) {
      int[] term = PasswordNormaliser.normalise(name.strip());
      if (term.length < TermIndex.MIN_TERM) {
        continue;
      }
      for (int start = 0; start + term.length <= text.length; start++) {
        if (Arrays.equals(text, start, start + term.length, term, 0, term.length)) {
          starts.get(start + term.length).add(start);
        }
      }
    }
  }

  /** The lowest score over every choice of non-overlapping found terms (a shortest path). */
  private static Result cheapest(int n, List<List<Integer>> starts) {
    int[] score = new int[n + 1];
    int[] terms = new int[n + 1];
    for (int end = 1; end <= n; end++) {
      score[end] = score[end - 1] + 1;
      terms[end] = terms[end - 1];
      for (int start : starts.get(end)) {
        if (score[start] + 1 < score[end]) {
          score[end] = score[start] + 1;
          terms[end] = terms[start] + 1;
        }
      }
    }
    return new Result(score[n], terms[n]);
  }
}
