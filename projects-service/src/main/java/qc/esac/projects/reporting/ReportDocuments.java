package qc.esac.projects.reporting;

import org.apache.commons.csv.CSVFormat;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import qc.esac.projects.vocabulary.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reports as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets read accents, stable column names
 * for machines) and as a printable HTML page (headings in the caller's language).
 */
@Component
class ReportDocuments {

    private static final String BOM = "\uFEFF";
    /** Comma, double quotes only where needed, CRLF between records. */
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private final Vocabulary vocabulary;

    ReportDocuments(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    String csv(ProjectReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, "projet", "periode", "statut_periode", "avancement_projet_pct", "indicateur", "nature", "unite",
                "valeur_reference", "cible", "cumulatif", "valeur_periode", "resultat_a_date", "atteinte_pct",
                "source_plateforme", "recits");
        for (ProjectReport.IndicatorLine line : report.indicators()) {
            String narratives = line.contributions().stream().filter(c -> c.narrative() != null)
                    .map(c -> c.organization() + " : " + c.narrative()
                            + (c.progressLabel() == null ? "" : " (" + c.progressLabel() + ")"))
                    .collect(Collectors.joining(" | "));
            row(csv, report.projectName(), report.periodLabel(), report.periodStatus(),
                    String.valueOf(report.progressPercent()), line.name(), line.kind(), line.unit(),
                    number(line.baseline()), number(line.target()), String.valueOf(line.cumulative()),
                    number(line.periodValue()), number(line.toDate()), number(line.achievementPercent()),
                    line.source(), narratives);
        }
        return csv.toString();
    }

    String csv(ProgrammeReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, "projet", "statut", "avancement_pct", "periodes_verrouillees", "indicateur", "code_programme",
                "unite", "resultat_a_date", "cible", "atteinte_pct");
        for (ProgrammeReport.ProjectLine project : report.projects()) {
            if (project.results().isEmpty()) {
                row(csv, project.name(), project.status(), String.valueOf(project.progressPercent()),
                        String.valueOf(project.lockedPeriods()), "", "", "", "", "", "");
            }
            for (ProgrammeReport.ProjectResult result : project.results()) {
                row(csv, project.name(), project.status(), String.valueOf(project.progressPercent()),
                        String.valueOf(project.lockedPeriods()), result.name(), result.programmeCode(), result.unit(),
                        number(result.toDate()), number(result.target()), number(result.achievementPercent()));
            }
        }
        for (ProgrammeReport.ProgrammeTotal total : report.totals()) {
            row(csv, "TOTAL PROGRAMME", "", "", "", "", total.programmeCode(), total.unit(), number(total.total()),
                    "", "");
        }
        return csv.toString();
    }

    String html(ProjectReport report) {
        StringBuilder html = page(report.projectName() + " — " + report.periodLabel());
        html.append("<h1>").append(e(report.projectName())).append("</h1>\n<p>")
                .append(e(vocabulary.text("rapport.porteur"))).append(" : ").append(e(report.leadOrganization()))
                .append("<br>").append(e(vocabulary.text("rapport.periode"))).append(" : ")
                .append(e(report.periodLabel())).append(" (").append(report.periodStart()).append(" – ")
                .append(report.periodEnd()).append("), ").append(e(report.periodStatus())).append("</p>\n");
        html.append("<h2>").append(e(vocabulary.text("rapport.avancement", report.progressPercent())))
                .append("</h2>\n");
        table(html, List.of(vocabulary.text("rapport.etape"), vocabulary.text("rapport.statut"),
                vocabulary.text("rapport.echeance"), vocabulary.text("rapport.responsable")),
                report.steps().stream().map(s -> List.of(
                        s.illustrativeNote() == null ? s.title() : s.title() + " (" + s.illustrativeNote() + ")",
                        s.status()
                        + (s.overdue() ? " (" + vocabulary.text("rapport.en-retard") + ")" : ""),
                        text(s.dueDate()), text(s.responsible()))));
        html.append("<h2>").append(e(vocabulary.text("rapport.indicateurs"))).append("</h2>\n");
        table(html, List.of(vocabulary.text("rapport.indicateur"), vocabulary.text("rapport.unite"),
                vocabulary.text("rapport.reference"), vocabulary.text("rapport.cible"),
                vocabulary.text("rapport.valeur-periode"), vocabulary.text("rapport.a-date"),
                vocabulary.text("rapport.atteinte")),
                report.indicators().stream().map(i -> List.of(i.name() + (i.source() == null ? "" : " (" + i.source() + ")")
                        + (i.illustrativeNote() == null ? "" : " (" + i.illustrativeNote() + ")"),
                        text(i.unit()), number(i.baseline()), number(i.target()), number(i.periodValue()),
                        number(i.toDate()), i.achievementPercent() == null ? "" : number(i.achievementPercent()) + " %")));
        html.append("<h2>").append(e(vocabulary.text("rapport.recits"))).append("</h2>\n");
        for (ProjectReport.IndicatorLine line : report.indicators()) {
            for (ProjectReport.Contribution c : line.contributions()) {
                if (c.narrative() != null) {
                    html.append("<p><strong>").append(e(line.name())).append("</strong> — ").append(e(c.organization()))
                            .append(c.progressLabel() == null ? "" : " (" + e(c.progressLabel()) + ")")
                            .append("<br>").append(e(c.narrative())).append("</p>\n");
                }
            }
        }
        return html.append("</body></html>\n").toString();
    }

    String html(ProgrammeReport report) {
        StringBuilder html = page(vocabulary.text("rapport.programme"));
        html.append("<h1>").append(e(vocabulary.text("rapport.programme"))).append("</h1>\n<p>")
                .append(e(vocabulary.text("rapport.organisations-impliquees"))).append(" : ")
                .append(report.organizationsInvolved()).append("<br>")
                .append(e(vocabulary.text("rapport.financement-total"))).append(" : ")
                .append(money(report.totalFunding())).append("<br>")
                .append(e(vocabulary.text("rapport.avancement-moyen"))).append(" : ")
                .append(report.averageProgressPercent()).append(" %</p>\n");
        table(html, List.of(vocabulary.text("rapport.code-programme"), vocabulary.text("rapport.unite"),
                vocabulary.text("rapport.total"), vocabulary.text("rapport.projets")),
                report.totals().stream().map(t -> List.of(t.programmeCode(), t.unit(), number(t.total()),
                        String.valueOf(t.projectCount()))));
        table(html, List.of(vocabulary.text("rapport.projet"), vocabulary.text("rapport.statut"),
                vocabulary.text("rapport.avancement-colonne"), vocabulary.text("rapport.periodes-verrouillees")),
                report.projects().stream().map(p -> List.of(p.name(), p.status(), p.progressPercent() + " %",
                        String.valueOf(p.lockedPeriods()))));
        return html.append("</body></html>\n").toString();
    }

    private StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                .append(e(vocabulary.text("rapport.langue"))).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(e(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#111}table{border-collapse:collapse;width:100%;")
                .append("margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;text-align:left}")
                .append("th{background:#eee}@media print{body{margin:0}h2{page-break-after:avoid}}")
                .append("</style></head><body>\n");
    }

    private static void table(StringBuilder html, List<String> headings, Stream<List<String>> rows) {
        html.append("<table><thead><tr>");
        headings.forEach(h -> html.append("<th>").append(e(h)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        rows.forEach(row -> {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(e(cell)).append("</td>"));
            html.append("</tr>\n");
        });
        html.append("</tbody></table>\n");
    }

    private static void row(StringBuilder csv, String... cells) {
        try {
            CSV.printRecord(csv, Stream.of(cells).map(ReportDocuments::neutralised).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
    }

    /** Cells starting like a formula are neutralised so a spreadsheet never executes them. */
    private static String neutralised(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.matches("^[=+\\-@].*") && !cell.matches("^-?\\d+(\\.\\d+)?$") ? "'" + cell : cell;
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " $";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
