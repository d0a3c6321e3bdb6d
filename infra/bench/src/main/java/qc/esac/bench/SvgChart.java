package qc.esac.bench;

import java.util.List;
import java.util.Locale;

/**
 * A line chart as SVG text, drawn here (no library, no service): linear x axis, logarithmic y axis (latencies
 * span orders of magnitude near saturation), one polyline per series, a legend.
 */
final class SvgChart {

    record Point(double x, double y) {
    }

    /** A line: its name in the legend, colour, dashed or not, and its points (sorted by x when drawn). */
    record Series(String name, String colour, boolean dashed, List<Point> points) {
    }

    private static final int WIDTH = 820;
    private static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int TOP = 72;
    private static final int BOTTOM = 55;

    private SvgChart() {
    }

    static String draw(String title, String subtitle, String xLabel, String yLabel, List<Series> series) {
        List<Point> all = series.stream().flatMap(s -> s.points().stream())
                .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()) && p.y() > 0).toList();
        double maxX = niceCeiling(all.stream().mapToDouble(Point::x).max().orElse(1));
        double minY = all.stream().mapToDouble(Point::y).min().orElse(1);
        double maxY = all.stream().mapToDouble(Point::y).max().orElse(10);
        int lowDecade = (int) Math.floor(Math.log10(minY));
        int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(maxY)));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator x = value -> LEFT + value / maxX * plotWidth;
        java.util.function.DoubleUnaryOperator y = value -> TOP + plotHeight
                - (Math.log10(value) - lowDecade) / (highDecade - lowDecade) * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                .formatted(WIDTH, HEIGHT, WIDTH, HEIGHT))
                .append("font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append(text(LEFT, 22, escape(title), "start", 15));
        String[] lines = subtitle.split("\n");
        for (int i = 0; i < lines.length; i++) { // one line each: SVG text does not wrap
            svg.append(text(LEFT, 40 + 14 * i, escape(lines[i]), "start", 11));
        }
        // y grid and labels: 1, 2, 5 x 10^k
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            for (int step : new int[]{1, 2, 5}) {
                double value = step * Math.pow(10, decade);
                if (value < Math.pow(10, lowDecade) || value > Math.pow(10, highDecade)) {
                    continue;
                }
                double at = y.applyAsDouble(value);
                svg.append(line(LEFT, at, LEFT + plotWidth, at, step == 1 ? "#cccccc" : "#eeeeee"));
                svg.append(text(LEFT - 6, at + 4, number(value), "end", 11));
            }
        }
        // x grid and labels: five steps
        for (int i = 0; i <= 5; i++) {
            double value = maxX * i / 5;
            double at = x.applyAsDouble(value);
            svg.append(line(at, TOP, at, TOP + plotHeight, "#eeeeee"));
            svg.append(text(at, TOP + plotHeight + 16, number(value), "middle", 11));
        }
        svg.append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "#000000"));
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "#000000"));
        svg.append(text(LEFT + plotWidth / 2, HEIGHT - 12, escape(xLabel), "middle", 12));
        svg.append("<text x=\"16\" y=\"%s\" text-anchor=\"middle\" transform=\"rotate(-90 16 %s)\">%s</text>\n"
                .formatted(fmt(TOP + plotHeight / 2), fmt(TOP + plotHeight / 2), escape(yLabel)));
        // the series, then the legend
        int legendY = TOP + 10;
        for (Series s : series) {
            List<Point> points = s.points().stream()
                    .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()) && p.y() > 0)
                    .sorted(java.util.Comparator.comparingDouble(Point::x)).toList();
            StringBuilder coordinates = new StringBuilder();
            for (Point p : points) {
                coordinates.append(fmt(x.applyAsDouble(p.x()))).append(',').append(fmt(y.applyAsDouble(p.y())))
                        .append(' ');
            }
            String dash = s.dashed() ? " stroke-dasharray=\"6 4\"" : "";
            svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>\n"
                    .formatted(s.colour(), dash, coordinates.toString().trim()));
            for (Point p : points) {
                svg.append("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>\n".formatted(
                        fmt(x.applyAsDouble(p.x())), fmt(y.applyAsDouble(p.y())), s.colour()));
            }
            double legendX = LEFT + plotWidth + 15;
            svg.append("<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n"
                    .formatted(fmt(legendX), legendY, fmt(legendX + 28), legendY, s.colour(), dash));
            svg.append(text(legendX + 34, legendY + 4, escape(s.name()), "start", 11));
            legendY += 20;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>\n"
                .formatted(fmt(x1), fmt(y1), fmt(x2), fmt(y2), colour);
    }

    private static String text(double x, double y, String content, String anchor, int size) {
        return "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n"
                .formatted(fmt(x), fmt(y), anchor, size, content);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", (float) value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
