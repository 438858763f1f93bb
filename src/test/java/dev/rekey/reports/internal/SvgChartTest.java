package dev.rekey.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

  static final SvgChart.Texts TEXTS =
      new SvgChart.Texts("Users <per> method", "Bars & more", "No data");

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void barsAreValidAccessibleSvgWithHeightsProportionalToTheValues() throws Exception {
    String svg =
        SvgChart.bars(
            "c1",
            TEXTS,
            List.of(
                new SvgChart.Bar("app", 10),
                new SvgChart.Bar("phone", 5),
                new SvgChart.Bar("=\"x\" <b>", 0)));
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 300");
    assertThat(root.getAttribute("width")).isEqualTo("100%");
    assertThat(root.getAttribute("aria-labelledby")).isEqualTo("c1-title c1-desc");
    assertThat(root.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Users <per> method");
    assertThat(root.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Bars & more");

    NodeList groups = root.getElementsByTagName("g");
    assertThat(groups.getLength()).isEqualTo(3);
    double first = height(groups, 0);
    double second = height(groups, 1);
    double third = height(groups, 2);
    assertThat(second * 2).isCloseTo(first, org.assertj.core.data.Offset.offset(0.2));
    assertThat(third).isZero();
    // The tallest bar reaches its value on the axis (a maximum of 10 tops the axis at 20).
    assertThat(first)
        .isCloseTo(
            SvgChart.PLOT_HEIGHT * 10.0 / SvgChart.niceTop(10),
            org.assertj.core.data.Offset.offset(0.2));
    assertThat(svg).contains("=&quot;x&quot; &lt;b&gt;");
  }

  private static double height(NodeList groups, int index) {
    Element rect = (Element) ((Element) groups.item(index)).getElementsByTagName("rect").item(0);
    return Double.parseDouble(rect.getAttribute("height"));
  }

  @Test
  void emptyChartsSaySoAndStayValid() throws Exception {
    for (String svg :
        List.of(
            SvgChart.bars("e1", TEXTS, List.of()),
            SvgChart.lines("e2", TEXTS, List.of(), List.of()))) {
      Document doc = parse(svg);
      assertThat(doc.getDocumentElement().getElementsByTagName("text").item(0).getTextContent())
          .isEqualTo("No data");
      assertThat(doc.getDocumentElement().getElementsByTagName("rect").getLength()).isEqualTo(1);
    }
  }

  @Test
  void allZeroBarsHaveNoHeight() throws Exception {
    Document doc =
        parse(
            SvgChart.bars("z", TEXTS, List.of(new SvgChart.Bar("a", 0), new SvgChart.Bar("b", 0))));
    assertThat(height(doc.getDocumentElement().getElementsByTagName("g"), 0)).isZero();
  }

  @Test
  void linesHaveAPointPerLabelScaledToTheAxis() throws Exception {
    String svg =
        SvgChart.lines(
            "l",
            TEXTS,
            List.of("2026-11-01", "2026-11-02", "2026-11-03"),
            List.of(
                new SvgChart.Series("Started", List.of(0L, 4L, 8L)),
                new SvgChart.Series("Failed", List.of(1L, 1L, 1L))));
    Document doc = parse(svg);
    NodeList lines = doc.getDocumentElement().getElementsByTagName("polyline");
    assertThat(lines.getLength()).isEqualTo(2);
    String[] points = ((Element) lines.item(0)).getAttribute("points").split(" ");
    assertThat(points).hasSize(3);
    double bottom = SvgChart.TOP + SvgChart.PLOT_HEIGHT;
    assertThat(Double.parseDouble(points[0].split(",")[1])).isEqualTo(bottom);
    assertThat(Double.parseDouble(points[2].split(",")[1])).isEqualTo(SvgChart.TOP);
    assertThat(Double.parseDouble(points[1].split(",")[1]))
        .isCloseTo(bottom - SvgChart.PLOT_HEIGHT / 2.0, org.assertj.core.data.Offset.offset(0.1));
    // The second series is dashed, so it differs by more than colour.
    assertThat(((Element) lines.item(1)).getAttribute("stroke-dasharray")).isNotEmpty();
    assertThat(svg).contains(">11-01<", ">Started<", ">Failed<");
  }

  @Test
  void axisTopsAreRound() {
    assertThat(SvgChart.niceTop(0)).isZero();
    assertThat(SvgChart.niceTop(1)).isEqualTo(4);
    assertThat(SvgChart.niceTop(5)).isEqualTo(8);
    assertThat(SvgChart.niceTop(10)).isEqualTo(20);
    assertThat(SvgChart.niceTop(100)).isEqualTo(100);
    assertThat(SvgChart.niceTop(101)).isEqualTo(200);
  }
}
