package qc.esac.training;

import java.time.LocalDate;

/** The networks' fiscal year, April 1 to March 31, named by its first calendar year ("2025" = 2025-2026). */
public record FiscalYear(int startYear) {

    public static FiscalYear containing(LocalDate day) {
        return new FiscalYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public String label() {
        return startYear + "-" + (startYear + 1);
    }
}
