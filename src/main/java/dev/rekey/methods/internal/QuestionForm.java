package dev.rekey.methods.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The security-questions page form: {@code answers[i].questionId} and {@code answers[i].answer}.
 */
public class QuestionForm {

  private List<Entry> answers = new ArrayList<>();

  /** A blank form with {@code n} question and answer pairs. */
  static QuestionForm blank(int n) {
    QuestionForm form = new QuestionForm();
    for (int i = 0; i < n; i++) {
      form.answers.add(new Entry());
    }
    return form;
  }

  public List<Entry> getAnswers() {
    return answers;
  }

  public void setAnswers(List<Entry> answers) {
    this.answers = answers;
  }

  List<QuestionRules.AnswerInput> inputs() {
    return answers.stream()
        .map(e -> new QuestionRules.AnswerInput(e.getQuestionId(), e.getAnswer()))
        .toList();
  }

  /** One question and its answer (a bean, so the binder can fill a list of them). */
  public static class Entry {
    private @Nullable String questionId;
    private @Nullable String answer;

    public @Nullable String getQuestionId() {
      return questionId;
    }

    public void setQuestionId(@Nullable String questionId) {
      this.questionId = questionId;
    }

    public @Nullable String getAnswer() {
      return answer;
    }

    public void setAnswer(@Nullable String answer) {
      this.answer = answer;
    }
  }
}
