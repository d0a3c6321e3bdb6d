package qc.esac.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the scenarios' tables and figures; prints the tables, writes the JSON and the charts. */
final class Report {

    private final List<Table> tables = new ArrayList<>();
    private final Map<String, Object> scenarios = new LinkedHashMap<>();
    private final Map<String, String> charts = new LinkedHashMap<>();
    private final Map<String, Object> header = new LinkedHashMap<>();

    Report(String command, boolean smoke) {
        header.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        header.put("command", command);
        header.put("mode", smoke ? "smoke" : "full");
        header.put("machine", machine());
    }

    /** Prints the table now (a long run shows its results as it goes) and keeps it for the summary. */
    void table(Table table) {
        tables.add(table);
        System.out.print(table.render());
        System.out.flush();
    }

    void scenario(String name, Map<String, Object> figures) {
        scenarios.put(name, figures);
    }

    void chart(String fileName, String svg) {
        charts.put(fileName, svg);
    }

    void note(String key, Object value) {
        header.put(key, value);
    }

    /** Writes {@code latest.json} and the charts into {@code directory}; returns what it wrote. */
    List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>(header);
        json.put("machineAtEnd", Map.of("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        json.put("scenarios", scenarios);
        List<Path> written = new ArrayList<>();
        Path file = directory.resolve("latest.json");
        Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(json) + "\n");
        written.add(file);
        for (Map.Entry<String, String> chart : charts.entrySet()) {
            Path svg = directory.resolve(chart.getKey());
            Files.writeString(svg, chart.getValue());
            written.add(svg);
        }
        return written;
    }

    /** "2 cores, AMD EPYC, 2026-12-06": what a chart says it was measured on. */
    @SuppressWarnings("unchecked")
    String machineLine() {
        Map<String, Object> machine = (Map<String, Object>) header.get("machine");
        return machine.get("cores") + " cores, " + machine.get("cpu") + ", load " + String.format(java.util.Locale.ROOT,
                "%.1f", (Double) machine.get("loadAverageAtStart")) + ", " + String.valueOf(header.get("date"))
                .substring(0, 10);
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        tables.forEach(table -> text.append(table.render()));
        return text.toString();
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        var os = ManagementFactory.getOperatingSystemMXBean();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("loadAverageAtStart", os.getSystemLoadAverage());
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            machine.put("memoryMib", sun.getTotalMemorySize() / (1024 * 1024));
        }
        machine.put("cpu", cpuModel());
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
