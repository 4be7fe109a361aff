package io.ternmq.bench.chart;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarChartSvgTest {
    private static final ChartSpec SPEC = new ChartSpec("test.svg", "Speed & more", "cmp", "msg/s",
            List.of(new ChartSpec.Category("a_rec_s", "alpha"), new ChartSpec.Category("b_rec_s", "beta\nline two"),
                    new ChartSpec.Category("c_rec_s", "gamma")),
            List.of(new ChartSpec.Series("ternmq", "TernMQ", "#2b6cb0"),
                    new ChartSpec.Series("kafka", "Apache Kafka", "#4a4a4a"),
                    new ChartSpec.Series("rocketmq", "Apache RocketMQ", "#dd8a2b")),
            "a caveat");

    private static final String CSV = ResultsCsv.HEADER + "\n"
            + "cmp,old run,ternmq,a_rec_s,msg/s,7777,,\n"
            + "cmp,new run,ternmq,a_rec_s,msg/s,100000,90000,110000\n"
            + "cmp,new run,kafka,a_rec_s,msg/s,50000,,\n"
            + "cmp,new run,ternmq,b_rec_s,msg/s,20000,,\n"
            + "cmp,new run,kafka,b_rec_s,msg/s,25000,,\n"
            + "cmp,new run,rocketmq,b_rec_s,msg/s,1000,,\n"
            + "other,new run,ternmq,c_rec_s,msg/s,6543,,\n"
            + "cmp,new run,ternmq,unrelated_ms,ms,1,,\n";

    @Test
    void drawsOneBarPerValueOfTheLastRunWithItsLabel() throws Exception {
        ChartData data = ChartData.select(SPEC, ResultsCsv.parse(CSV)).orElseThrow();
        String svg = BarChartSvg.render(data);
        Document doc = parse(svg);

        List<Element> bars = bars(doc);
        assertEquals(List.of("ternmq a_rec_s 100000", "kafka a_rec_s 50000", "ternmq b_rec_s 20000",
                "kafka b_rec_s 25000", "rocketmq b_rec_s 1000"), bars.stream().map(b -> b.getAttribute("data-system")
                + " " + b.getAttribute("data-metric") + " " + b.getAttribute("data-value")).toList(),
                "the last run only, one bar per value, in category then series order");
        List<String> texts = texts(doc);
        assertTrue(texts.containsAll(List.of("100k", "50k", "20k", "25k", "1,000")), texts.toString());
        assertTrue(texts.containsAll(List.of("alpha", "beta", "line two", "TernMQ", "Apache Kafka",
                "Apache RocketMQ", "Speed & more", "a caveat")), texts.toString());
        assertFalse(texts.contains("gamma"), "a category without data in the run is left out");
        assertEquals(1, texts.stream().filter("n/a"::equals).count(), "RocketMQ has no alpha value");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("run: new run")), texts.toString());
        assertFalse(svg.contains("7777") || svg.contains("6543") || svg.contains("6,543"),
                "other runs and comparisons are not drawn");
        assertTrue(svg.contains("Speed &amp; more"), "text is escaped");
        assertTrue(svg.startsWith("<svg ") && svg.contains(BarChartSvg.MARKER), "marked as generated");
    }

    @Test
    void barHeightsAreProportionalToTheValuesFromACommonBaseline() throws Exception {
        List<Element> bars = bars(parse(BarChartSvg.render(
                ChartData.select(SPEC, ResultsCsv.parse(CSV)).orElseThrow())));
        double ternmq = height(bars.get(0));
        for (Element bar : bars) {
            double value = Double.parseDouble(bar.getAttribute("data-value"));
            assertEquals(value / 100_000, height(bar) / ternmq, 0.01, bar.getAttribute("data-system") + " "
                    + bar.getAttribute("data-metric"));
            assertEquals(BarChartSvg.PLOT_BOTTOM, Double.parseDouble(bar.getAttribute("y")) + height(bar), 0.11,
                    "every bar stands on the axis");
        }
        double top = Double.parseDouble(bars.get(0).getAttribute("y"));
        assertTrue(top > BarChartSvg.PLOT_TOP, "the tallest bar (and its whisker to 110k) stays inside the plot");
    }

    @Test
    void drawsAWhiskerFromMinToMaxWhereTheRunReportedARange() throws Exception {
        Document doc = parse(BarChartSvg.render(ChartData.select(SPEC, ResultsCsv.parse(CSV)).orElseThrow()));
        Element bar = bars(doc).get(0);
        double center = Double.parseDouble(bar.getAttribute("x")) + Double.parseDouble(bar.getAttribute("width")) / 2;
        BarChartSvg.Axis axis = BarChartSvg.Axis.covering(110_000);
        NodeList lines = doc.getElementsByTagName("line");
        boolean found = false;
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            found |= Math.abs(Double.parseDouble(line.getAttribute("x1")) - center) < 0.11
                    && Math.abs(Double.parseDouble(line.getAttribute("x2")) - center) < 0.11
                    && Math.abs(Double.parseDouble(line.getAttribute("y1")) - axis.y(110_000)) < 0.11
                    && Math.abs(Double.parseDouble(line.getAttribute("y2")) - axis.y(90_000)) < 0.11;
        }
        assertTrue(found, "a vertical line from 110k down to 90k over the TernMQ alpha bar");
    }

    @Test
    void rendersTheSameBytesEveryTime() {
        ChartData data = ChartData.select(SPEC, ResultsCsv.parse(CSV)).orElseThrow();
        assertEquals(BarChartSvg.render(data), BarChartSvg.render(data));
    }

    @Test
    void aComparisonWithoutRowsHasNoChart() {
        assertEquals(Optional.empty(), ChartData.select(SPEC, ResultsCsv.parse(ResultsCsv.HEADER + "\n"
                + "other,r,ternmq,a_rec_s,msg/s,1,,\n")));
    }

    @Test
    void theLastRunIsTheOneThatStartedLastInTheFile() {
        List<ResultRow> rows = ResultsCsv.parse(ResultsCsv.HEADER + "\n"
                + "cmp,A,ternmq,a_rec_s,msg/s,1,,\n"
                + "cmp,B,ternmq,a_rec_s,msg/s,2,,\n"
                + "cmp,A,kafka,a_rec_s,msg/s,3,,\n");
        assertEquals("B", ChartData.select(SPEC, rows).orElseThrow().run());
    }

    @Test
    void labelsAreShortAndAxisStepsRound() {
        assertEquals(List.of("163k", "28.3k", "50k", "5,124", "463.2", "117.3", "0.29", "0.3", "1.5M", "0"),
                List.of(162571, 28268, 50000, 5124, 463.2, 117.3, 0.29, 0.3, 1_500_000, 0).stream()
                        .map(v -> BarChartSvg.label(v.doubleValue())).toList());
        assertEquals("0.2", BarChartSvg.Axis.niceStep(0.2).toPlainString());
        assertEquals("25000", BarChartSvg.Axis.niceStep(21_000).toPlainString());
        assertEquals("50", BarChartSvg.Axis.niceStep(47).toPlainString());
        assertEquals("1", BarChartSvg.Axis.niceStep(1).toPlainString());
        assertEquals(700_000, BarChartSvg.Axis.covering(635_728).top, "7 steps of 100k rather than 4 of 200k");
        assertEquals(12, BarChartSvg.Axis.covering(9.72).top, "10 would leave less than 10 % headroom");
        assertEquals(600, BarChartSvg.Axis.covering(544.7).top);
    }

    @Test
    void aChartMixingUnitsIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ChartSpec("x.svg", "t", "cmp", "msg/s", List.of(new ChartSpec.Category("a_MB_s", "a")),
                        SPEC.series(), ""));
        assertEquals("x.svg: a_MB_s is in 'MB/s', the chart in 'msg/s'", e.getMessage());
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> bars(Document doc) {
        List<Element> bars = new ArrayList<>();
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if ("bar".equals(rect.getAttribute("class"))) {
                bars.add(rect);
            }
        }
        return bars;
    }

    private static List<String> texts(Document doc) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static double height(Element bar) {
        return Double.parseDouble(bar.getAttribute("height"));
    }
}
