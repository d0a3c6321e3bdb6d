package qc.esac.fault;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** The run's figures as text (console and REPORT.md) and JSON (results/latest.json). */
final class Report {

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    String json(Map<String, Object> report) {
        return json.writeValueAsString(report);
    }

    /** Sections and their figures, one per line, nested maps indented. */
    static String text(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        render(text, report, 0);
        return text.toString();
    }

    private static void render(StringBuilder text, Map<?, ?> map, int depth) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            text.append("  ".repeat(depth)).append(entry.getKey()).append(':');
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()
                    && nested.values().stream().anyMatch(v -> v instanceof Map || v instanceof Collection)) {
                text.append('\n');
                render(text, nested, depth + 1);
            } else if (value instanceof Collection<?> list && list.stream().anyMatch(v -> v instanceof Map)) {
                text.append('\n');
                for (Object item : list) {
                    text.append("  ".repeat(depth + 1)).append("- ").append(item).append('\n');
                }
            } else {
                text.append(' ').append(value).append('\n');
            }
        }
    }

    void write(Map<String, Object> report, Path markdown, Path jsonFile) {
        try {
            Files.createDirectories(jsonFile.getParent());
            Files.writeString(jsonFile, json(report) + "\n");
            Files.writeString(markdown, """
                    # Fault suite: latest report

                    Written by `infra/fault/run.sh` (see [README.md](README.md) for what each figure means); the
                    same figures are in [results/latest.json](results/latest.json).

                    ```
                    %s```
                    """.formatted(text(report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
