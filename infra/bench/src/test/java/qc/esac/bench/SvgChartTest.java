package qc.esac.bench;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {

    @Test
    void drawsOnePolylineAndOneLegendEntryPerSeriesAsWellFormedSvg() throws Exception {
        String svg = SvgChart.draw("Latency <vs> rate & more", "first line\nsecond line", "rate", "ms", List.of(
                new SvgChart.Series("gateway p99", "#d62728", false,
                        List.of(new SvgChart.Point(100, 3.5), new SvgChart.Point(50, 2), new SvgChart.Point(200, 40))),
                new SvgChart.Series("direct p99", "#1f77b4", true,
                        List.of(new SvgChart.Point(100, 1.2), new SvgChart.Point(200, Double.NaN)))));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(4); // the NaN point is left out
        assertThat(svg).contains("gateway p99", "direct p99", "Latency &lt;vs&gt; rate &amp; more",
                "stroke-dasharray", ">0<", ">first line<", ">second line<");
        // points drawn in rate order: the polyline's x coordinates increase
        String points = ((org.w3c.dom.Element) document.getElementsByTagName("polyline").item(0))
                .getAttribute("points");
        String[] pairs = points.split(" ");
        assertThat(Double.parseDouble(pairs[0].split(",")[0])).isLessThan(Double.parseDouble(pairs[2].split(",")[0]));
    }

    @Test
    void anEmptyChartIsStillAValidDocument() throws Exception {
        String svg = SvgChart.draw("nothing", "", "x", "y", List.of());

        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
    }
}
