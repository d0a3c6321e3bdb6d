package qc.esac.membership.roster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a roster CSV as spreadsheets write it: comma or semicolon separated (French spreadsheets use
 * semicolons), a header naming the columns in French or English, hours with a decimal comma or point, ISO
 * dates, "temps plein"/"temps partiel" or FULL_TIME/PART_TIME. A line that cannot be read becomes a line with
 * its problems, never an exception, so the report can list every line.
 */
final class RosterCsv {

    static final int MAX_LINES = 5_000;

    /** Canonical column → accepted header names (folded: lower case, no accents, no spaces or underscores). */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("firstName", List.of("prenom", "firstname"));
        COLUMNS.put("lastName", List.of("nom", "lastname", "nomdefamille"));
        COLUMNS.put("workEmail", List.of("courriel", "email", "workemail", "courrieltravail"));
        COLUMNS.put("jobTitle", List.of("titre", "fonction", "poste", "jobtitle"));
        COLUMNS.put("employmentStatus", List.of("statut", "statutemploi", "employmentstatus"));
        COLUMNS.put("weeklyHours", List.of("heures", "heuresparsemaine", "heuressemaine", "weeklyhours"));
        COLUMNS.put("hireDate", List.of("dateembauche", "datedembauche", "embauche", "hiredate"));
    }

    private static final List<String> REQUIRED = List.of("firstName", "lastName", "employmentStatus", "weeklyHours",
            "hireDate");

    /**
     * One data line: what could be read of it, and the values that could not be read (those fields are null in
     * {@code details}).
     */
    record Line(int number, Employee.Details details, List<FieldViolation> problems) {
    }

    private RosterCsv() {
    }

    static List<Line> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("roster.csv-vide");
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheet BOM
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() > MAX_LINES + 1) {
                throw new InvalidInputException("roster.csv-trop-long", String.valueOf(MAX_LINES));
            }
            Map<String, Integer> columns = header(records.get(0));
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                lines.add(line(record, columns));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new InvalidInputException("roster.csv-illisible");
        }
    }

    private static Map<String, Integer> header(CSVRecord header) {
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = fold(header.get(i));
            for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
                if (column.getValue().contains(name)) {
                    found.putIfAbsent(column.getKey(), i);
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("roster.csv-colonnes-manquantes", String.join(", ", missing));
        }
        return found;
    }

    private static Line line(CSVRecord record, Map<String, Integer> columns) {
        int number = (int) record.getRecordNumber();
        List<FieldViolation> problems = new ArrayList<>();
        BigDecimal hours = null;
        String hoursText = value(record, columns, "weeklyHours");
        if (hoursText != null) {
            try {
                hours = new BigDecimal(hoursText.replace(',', '.').replace(" ", ""));
            } catch (NumberFormatException e) {
                problems.add(FieldViolation.of("weeklyHours", "esac.validation.heures"));
            }
        }
        LocalDate hired = null;
        String hiredText = value(record, columns, "hireDate");
        if (hiredText != null) {
            try {
                hired = LocalDate.parse(hiredText);
            } catch (DateTimeParseException e) {
                problems.add(FieldViolation.of("hireDate", "esac.validation.date-iso", hiredText));
            }
        }
        Employee.Details details = new Employee.Details(value(record, columns, "firstName"),
                value(record, columns, "lastName"), value(record, columns, "workEmail"),
                value(record, columns, "jobTitle"), status(value(record, columns, "employmentStatus")), hours, hired);
        return new Line(number, details, problems);
    }

    private static String value(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isBlank() ? null : value;
    }

    private static String status(String value) {
        if (value == null) {
            return null;
        }
        return switch (fold(value)) {
            case "tempsplein", "fulltime" -> Employee.FULL_TIME;
            case "tempspartiel", "parttime" -> Employee.PART_TIME;
            default -> value;
        };
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-’']", "");
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
