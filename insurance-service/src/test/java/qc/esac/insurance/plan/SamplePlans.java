package qc.esac.insurance.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static qc.esac.insurance.plan.CoverageCode.*;

/** An invented but plausible plan year of the association, for tests. */
public final class SamplePlans {

    private SamplePlans() {
    }

    public static PlanYear year(int year) {
        return new PlanYear(year, LocalDate.of(year, 1, 1), List.of(
                CoverageTerms.percentOfSalary(LTD, "2.10", "75000"),
                CoverageTerms.percentOfSalary(STD, "0.85", "60000"),
                CoverageTerms.perThousand(LIFE_ADD, "0.22", "1", "100000"),
                CoverageTerms.perInsured(DRUGS, "68.50", "137.00", "171.25", true),
                CoverageTerms.perInsured(PSYCHOSOCIAL, "4.10", "8.20", "10.25", false),
                CoverageTerms.perInsured(PHYSICAL_HEALTH, "6.20", "12.40", "15.50", true),
                CoverageTerms.perInsured(PARAMEDICAL, "9.80", "19.60", "24.50", true),
                CoverageTerms.perInsured(VISION, "3.40", "6.80", "8.50", true),
                CoverageTerms.perInsured(DENTAL_BASIC, "28.40", "56.80", "71.00", true),
                CoverageTerms.perInsured(DENTAL_MAJOR, "9.10", "18.20", "22.75", true)),
                List.of(new EmployeeClass("FULL_TIME", "Temps plein", 3, new BigDecimal("28"), EnumSet.allOf(CoverageCode.class)),
                        new EmployeeClass("PART_TIME", "Temps partiel", 3, new BigDecimal("14"),
                                EnumSet.of(LIFE_ADD, DRUGS, PSYCHOSOCIAL, PARAMEDICAL, DENTAL_BASIC))),
                List.of(50, 60, 75, 100), new BigDecimal("1500"), new BigDecimal("0.10"), new BigDecimal("0.80"),
                3, 60, 31, new BigDecimal("752.00"));
    }
}
