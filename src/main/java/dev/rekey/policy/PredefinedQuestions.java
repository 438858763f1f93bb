package dev.rekey.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The 35 predefined security questions of SPEC §3, in the order the SPEC lists them. Their ids are
 * {@code q01}…{@code q35}; their localised texts are the messages {@code questions.q01}… in the
 * {@code questions} bundle ({@code en} and {@code nl}).
 */
public final class PredefinedQuestions {

  public static final int COUNT = 35;

  private static final List<String> IDS =
      IntStream.rangeClosed(1, COUNT).mapToObj(i -> String.format("q%02d", i)).toList();

  private static final Set<String> KNOWN = Set.copyOf(IDS);

  private PredefinedQuestions() {}

  /** Every id, in the SPEC's order. */
  public static List<String> ids() {
    return IDS;
  }

  public static boolean isKnown(String id) {
    return KNOWN.contains(id);
  }

  /** The message key of a question's text, such as {@code questions.q07}. */
  public static String messageKey(String id) {
    return "questions." + id;
  }
}
