package dev.rekey.password.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of banned terms that answers "is this piece of a password within edit distance 1 of a
 * term?" with a few hash look-ups, however many terms there are. It keeps each term's one-deletion
 * variants: a window {@code w} is within distance 1 of a term {@code t} exactly when {@code w = t}
 * (equal), {@code w} is a deletion variant of {@code t} (a character left out), a deletion variant
 * of {@code w} is {@code t} (a character added), or both without the character at the same position
 * are equal (a character substituted).
 */
final class TermIndex {

  /** Shorter terms are ignored, as Entra does (and as SPEC §7 limits custom terms to 4–16). */
  static final int MIN_TERM = 4;

  static final TermIndex EMPTY = new TermIndex(List.of());

  private final Set<String> terms = new HashSet<>();
  private final Set<String> deletions = new HashSet<>();
  private final List<Set<String>> deletionsAt = new ArrayList<>();
  private int minLength = Integer.MAX_VALUE;
  private int maxLength;

  private TermIndex(Collection<String> source) {
    for (String raw : source) {
      int[] term = PasswordNormaliser.normalise(raw.strip());
      if (term.length < MIN_TERM) {
        continue;
      }
      minLength = Math.min(minLength, term.length);
      maxLength = Math.max(maxLength, term.length);
      terms.add(new String(term, 0, term.length));
      for (int i = 0; i < term.length; i++) {
        while (deletionsAt.size() <= i) {
          deletionsAt.add(new HashSet<>());
        }
        String variant = without(term, 0, term.length, i);
        deletions.add(variant);
        deletionsAt.get(i).add(variant);
      }
    }
  }

  /** An index of the terms, normalised; blank and short (under 4 characters) terms are dropped. */
  static TermIndex of(Collection<String> terms) {
    return terms.isEmpty() ? EMPTY : new TermIndex(terms);
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  int size() {
    return terms.size();
  }

  /** The shortest window that can match: a term with one character left out. */
  int minWindow() {
    return isEmpty() ? Integer.MAX_VALUE : minLength - 1;
  }

  /** The longest window that can match: a term with one character added inside. */
  int maxWindow() {
    return isEmpty() ? 0 : maxLength + 1;
  }

  /**
   * Whether a window of a normalised password is within edit distance 1 of a term.
   *
   * @param window the window's code points as a string
   * @param windowDeletions the window without its character at each index, in order
   */
  boolean matches(String window, List<String> windowDeletions) {
    if (terms.contains(window) || deletions.contains(window)) {
      return true;
    }
    int last = windowDeletions.size() - 1;
    for (int i = 0; i <= last; i++) {
      String variant = windowDeletions.get(i);
      // A character added inside a term; one added before or after it is no edit but simply a
      // remaining character, which the score counts on its own.
      boolean inside = i > 0 && i < last;
      if ((inside && terms.contains(variant))
          || (i < deletionsAt.size() && deletionsAt.get(i).contains(variant))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The code points {@code [from, from + length)} of {@code text} without the one at {@code skip}.
   */
  static String without(int[] text, int from, int length, int skip) {
    StringBuilder builder = new StringBuilder(length + 2);
    for (int i = 0; i < length; i++) {
      if (i != skip) {
        builder.appendCodePoint(text[from + i]);
      }
    }
    return builder.toString();
  }
}
