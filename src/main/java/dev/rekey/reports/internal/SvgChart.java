package dev.rekey.reports.internal;

import java.util.List;
import java.util.Locale;

/**
 * Small server-side SVG charts: no script, so they work under the strict CSP and without
 * JavaScript. Each chart is an image with a title and a description (WCAG 2.2 1.1.1, via {@code
 * role="img"} and {@code aria-labelledby}); the page puts the same numbers in a table next to it.
 * Colours reach 3:1 against white (1.4.11) and series differ by dash pattern and marker too, not by
 * colour alone (1.4.1). A {@code viewBox} with {@code width="100%"} scales to any width, down to
 * 320 px (1.4.10).
 */
final class SvgChart {

  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  static final int LEFT = 48;
  static final int RIGHT = 16;
  static final int TOP = 16;
  static final int BOTTOM = 64;
  static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
  static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

  /** Blue, green, red, purple: each at least 4.5:1 on white. */
  static final List<String> COLOURS = List.of("#1f5fa8", "#1a7335", "#b3261e", "#6b3fa0");

  static final List<String> DASHES = List.of("", "8 4", "2 4", "12 4 2 4");
  private static final String TEXT = "#1f2328";
  private static final String GRID = "#8c959f";

  /** One bar. */
  record Bar(String label, long value) {}

  /** One line of a line chart: a value per label. */
  record Series(String name, List<Long> values) {}

  /** What a chart says about itself, localised by the caller. */
  record Texts(String title, String description, String empty) {}

  private SvgChart() {}

  /** A vertical bar chart; bar heights are proportional to the values, from zero. */
  static String bars(String id, Texts texts, List<Bar> bars) {
    StringBuilder svg = open(id, texts);
    long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
    if (bars.isEmpty()) {
      empty(svg, texts);
      return close(svg);
    }
    long top = niceTop(max);
    axes(svg, top);
    double slot = (double) PLOT_WIDTH / bars.size();
    double barWidth = Math.max(1, slot * 0.7);
    int every = labelStep(bars.size());
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double height = top == 0 ? 0 : (double) bar.value() * PLOT_HEIGHT / top;
      double x = LEFT + i * slot + (slot - barWidth) / 2;
      double y = TOP + PLOT_HEIGHT - height;
      svg.append("<g class=\"chart__bar\"><rect x=\"")
          .append(num(x))
          .append("\" y=\"")
          .append(num(y))
          .append("\" width=\"")
          .append(num(barWidth))
          .append("\" height=\"")
          .append(num(height))
          .append("\" fill=\"")
          .append(COLOURS.get(0))
          .append("\"><title>")
          .append(escape(bar.label() + ": " + bar.value()))
          .append("</title></rect>");
      if (i % every == 0) {
        xLabel(svg, LEFT + i * slot + slot / 2, bar.label());
      }
      svg.append("</g>");
    }
    return close(svg);
  }

  /** A line chart with one line per series over the same labels, and a legend. */
  static String lines(String id, Texts texts, List<String> labels, List<Series> series) {
    StringBuilder svg = open(id, texts);
    if (labels.isEmpty() || series.isEmpty()) {
      empty(svg, texts);
      return close(svg);
    }
    long max =
        series.stream()
            .flatMap(s -> s.values().stream())
            .mapToLong(Long::longValue)
            .max()
            .orElse(0);
    long top = niceTop(max);
    axes(svg, top);
    double step = labels.size() == 1 ? 0 : (double) PLOT_WIDTH / (labels.size() - 1);
    int every = labelStep(labels.size());
    for (int i = 0; i < labels.size(); i += every) {
      xLabel(svg, LEFT + i * step, labels.get(i));
    }
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String colour = COLOURS.get(s % COLOURS.size());
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < labels.size() && i < line.values().size(); i++) {
        double x = LEFT + i * step;
        double y =
            TOP + PLOT_HEIGHT - (top == 0 ? 0 : (double) line.values().get(i) * PLOT_HEIGHT / top);
        points.append(i == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
      }
      svg.append("<polyline class=\"chart__line\" fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2.5\"");
      String dash = DASHES.get(s % DASHES.size());
      if (!dash.isEmpty()) {
        svg.append(" stroke-dasharray=\"").append(dash).append('"');
      }
      svg.append(" points=\"").append(points).append("\"/>");
      legend(svg, s, line.name(), colour, dash);
    }
    return close(svg);
  }

  private static StringBuilder open(String id, Texts texts) {
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
        .append(escape(id))
        .append("\" role=\"img\" aria-labelledby=\"")
        .append(escape(id))
        .append("-title ")
        .append(escape(id))
        .append("-desc\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append(
            "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" font-family=\"sans-serif\">")
        .append("<title id=\"")
        .append(escape(id))
        .append("-title\">")
        .append(escape(texts.title()))
        .append("</title><desc id=\"")
        .append(escape(id))
        .append("-desc\">")
        .append(escape(texts.description()))
        .append("</desc>")
        .append("<rect x=\"0\" y=\"0\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" fill=\"#ffffff\"/>");
    return svg;
  }

  private static String close(StringBuilder svg) {
    return svg.append("</svg>").toString();
  }

  private static void empty(StringBuilder svg, Texts texts) {
    svg.append("<text class=\"chart__empty\" x=\"")
        .append(WIDTH / 2)
        .append("\" y=\"")
        .append(HEIGHT / 2)
        .append("\" text-anchor=\"middle\" font-size=\"18\" fill=\"")
        .append(TEXT)
        .append("\">")
        .append(escape(texts.empty()))
        .append("</text>");
  }

  /** The y axis from 0 to {@code top} with four grid lines, and the x axis. */
  private static void axes(StringBuilder svg, long top) {
    for (int i = 0; i <= 4; i++) {
      double y = TOP + PLOT_HEIGHT - (double) i * PLOT_HEIGHT / 4;
      long value = top * i / 4;
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(num(y))
          .append("\" y2=\"")
          .append(num(y))
          .append("\" stroke=\"")
          .append(GRID)
          .append("\" stroke-width=\"")
          .append(i == 0 ? "1.5" : "0.5")
          .append("\"/><text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(num(y + 4))
          .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"")
          .append(TEXT)
          .append("\">")
          .append(value)
          .append("</text>");
    }
  }

  private static void xLabel(StringBuilder svg, double x, String label) {
    double y = TOP + PLOT_HEIGHT + 14;
    svg.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"")
        .append(TEXT)
        .append("\" transform=\"rotate(-35 ")
        .append(num(x))
        .append(' ')
        .append(num(y))
        .append(")\">")
        .append(escape(shortLabel(label)))
        .append("</text>");
  }

  private static void legend(
      StringBuilder svg, int index, String name, String colour, String dash) {
    double x = LEFT + index * 150.0;
    double y = HEIGHT - 8;
    svg.append("<line x1=\"")
        .append(num(x))
        .append("\" x2=\"")
        .append(num(x + 28))
        .append("\" y1=\"")
        .append(num(y - 4))
        .append("\" y2=\"")
        .append(num(y - 4))
        .append("\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"2.5\"");
    if (!dash.isEmpty()) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append("/><text x=\"")
        .append(num(x + 34))
        .append("\" y=\"")
        .append(num(y))
        .append("\" font-size=\"12\" fill=\"")
        .append(TEXT)
        .append("\">")
        .append(escape(name))
        .append("</text>");
  }

  /** ISO dates lose the year, ISO hours keep "HH:00", to fit under a bar. */
  static String shortLabel(String label) {
    if (label.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return label.substring(5);
    }
    if (label.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*")) {
      return label.substring(11, 16);
    }
    return label.length() > 18 ? label.substring(0, 17) + "…" : label;
  }

  /**
   * The top of the y axis: four grid steps of 1, 2, 2.5 or 5 × 10ⁿ, the smallest that reaches the
   * maximum; 0 when there is nothing to show.
   */
  static long niceTop(long max) {
    if (max <= 0) {
      return 0;
    }
    for (long magnitude = 1; ; magnitude *= 10) {
      for (long tenths : new long[] {10, 20, 25, 50}) {
        if (tenths == 25 && magnitude < 10) {
          continue;
        }
        long step = tenths * magnitude / 10;
        if (step * 4 >= max) {
          return step * 4;
        }
      }
    }
  }

  private static int labelStep(int count) {
    return count <= 12 ? 1 : (count + 11) / 12;
  }

  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters are not allowed in XML 1.0.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
