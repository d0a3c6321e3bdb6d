package qc.esac.insurance.invoice;

import org.junit.jupiter.api.Test;
import qc.esac.events.insurance.EnrolmentChanged;
import qc.esac.insurance.enrolment.Enrolment;
import qc.esac.insurance.enrolment.PersonalData;
import qc.esac.insurance.plan.CoverageCode;
import qc.esac.insurance.plan.PlanYear;
import qc.esac.insurance.plan.SamplePlans;
import qc.esac.insurance.plan.Tier;
import qc.esac.kit.domain.Change;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceCalculatorTest {

    private static final YearMonth MARCH = YearMonth.of(2027, 3);
    private final PlanYear plan = SamplePlans.year(2027);

    @Test
    void aFullMonthBillsEachCoverageAtTheEmployersRateSplitBetweenEmployerAndEmployee() {
        InvoiceCalculator.Billable single = billable("e1", new Enrolment.Segment(LocalDate.of(2027, 1, 1), null, "FULL_TIME",
                Tier.SINGLE, Set.of(CoverageCode.DRUGS, CoverageCode.LTD)));

        List<InvoiceLine> lines = InvoiceCalculator.premiums(MARCH, plan, List.of(single), new BigDecimal("1.0904"), 60);

        assertThat(lines).extracting(InvoiceLine::coverage).containsExactly(CoverageCode.LTD, CoverageCode.DRUGS);
        // LTD: 48,000 / 12 * 2.10 % = 84.00 x 1.0904 = 91.59; drugs: 68.50 x 1.0904 = 74.69
        assertThat(lines).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("91.59"), new BigDecimal("74.69"));
        InvoiceLine drugs = lines.get(1);
        assertThat(drugs.employerShare()).isEqualByComparingTo("44.81");
        assertThat(drugs.employeeShare()).isEqualByComparingTo("29.88");
        assertThat(drugs.days()).isEqualTo(31);
        assertThat(InvoiceCalculator.sum(lines, InvoiceLine::amount)).isEqualByComparingTo("166.28");
    }

    @Test
    void aRaiseInTheMonthBillsSalaryRatedCoveragesAtEachSalaryByTheDay() {
        LocalDate start = LocalDate.of(2027, 1, 1);
        LocalDate raise = LocalDate.of(2027, 3, 16);
        Enrolment enrolment = Enrolment.create("e1", "org-1", "u1", "FULL_TIME",
                new qc.esac.insurance.enrolment.Eligibility(start, false), start, Tier.SINGLE,
                Set.of(CoverageCode.LTD, CoverageCode.DRUGS), List.of(), "sealed", 0).state();
        PersonalData before = new PersonalData(LocalDate.of(1985, 4, 2), new BigDecimal("48000"), List.of());
        PersonalData after = before.withSalary(new BigDecimal("60000"), raise, start);

        Change<Enrolment> raised = enrolment.changeEmployment("FULL_TIME", enrolment.coverages(), List.of(), "sealed-2", raise);
        List<InvoiceLine> lines = InvoiceCalculator.premiums(MARCH, plan,
                List.of(new InvoiceCalculator.Billable("e1", raised.state().segments(), after::salaryOn)), BigDecimal.ONE, 50);

        assertThat(raised.events()).singleElement().isInstanceOfSatisfying(EnrolmentChanged.class,
                e -> assertThat(e.effectiveDate()).isEqualTo(raise));
        // LTD: 48,000 / 12 x 2.10 % = 84.00 x 15/31 = 40.65; 60,000 / 12 x 2.10 % = 105.00 x 16/31 = 54.19
        assertThat(lines.stream().filter(l -> l.coverage() == CoverageCode.LTD).map(InvoiceLine::amount))
                .containsExactly(new BigDecimal("40.65"), new BigDecimal("54.19"));
        // Drugs are not salary-rated: the two parts make the month's premium.
        assertThat(InvoiceCalculator.sum(lines.stream().filter(l -> l.coverage() == CoverageCode.DRUGS).toList(),
                InvoiceLine::amount)).isEqualByComparingTo("68.50");
        // A part-time move: the new class, its coverages, from the date given.
        Change<Enrolment> partTime = raised.state().changeEmployment("PART_TIME", Set.of(CoverageCode.DRUGS), List.of(),
                "sealed-3", LocalDate.of(2027, 4, 1));
        assertThat(partTime.state().classCode()).isEqualTo("PART_TIME");
        assertThat(partTime.state().segments()).extracting(Enrolment.Segment::classCode)
                .containsExactly("FULL_TIME", "FULL_TIME", "PART_TIME");
    }

    @Test
    void aMidMonthTierChangeIsBilledByTheDayOnEachSide() {
        InvoiceCalculator.Billable changed = billable("e1",
                new Enrolment.Segment(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 15), "FULL_TIME", Tier.SINGLE,
                        Set.of(CoverageCode.DRUGS)),
                new Enrolment.Segment(LocalDate.of(2027, 3, 16), null, "FULL_TIME", Tier.FAMILY, Set.of(CoverageCode.DRUGS)));

        List<InvoiceLine> lines = InvoiceCalculator.premiums(MARCH, plan, List.of(changed), BigDecimal.ONE, 50);

        // 68.50 x 15/31 = 33.15 ; 171.25 x 16/31 = 88.39
        assertThat(lines).extracting(InvoiceLine::tier).containsExactly(Tier.SINGLE, Tier.FAMILY);
        assertThat(lines).extracting(InvoiceLine::days).containsExactly(15, 16);
        assertThat(lines).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("33.15"), new BigDecimal("88.39"));
    }

    @Test
    void aChangeRecordedAfterTheInvoiceIsCorrectedOnTheNextOne() {
        InvoiceCalculator.Billable asBilled = billable("e1", new Enrolment.Segment(LocalDate.of(2027, 1, 1), null,
                "FULL_TIME", Tier.SINGLE, Set.of(CoverageCode.DRUGS)));
        InvoiceCalculator.Billable asKnownNow = billable("e1",
                new Enrolment.Segment(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 15), "FULL_TIME", Tier.SINGLE,
                        Set.of(CoverageCode.DRUGS)),
                new Enrolment.Segment(LocalDate.of(2027, 3, 16), null, "FULL_TIME", Tier.FAMILY, Set.of(CoverageCode.DRUGS)));
        InvoiceCalculator.Billable joinedLate = billable("e2", new Enrolment.Segment(LocalDate.of(2027, 3, 20), null,
                "FULL_TIME", Tier.SINGLE, Set.of(CoverageCode.DRUGS)));
        List<InvoiceLine> billed = InvoiceCalculator.premiums(MARCH, plan, List.of(asBilled), BigDecimal.ONE, 50);
        List<InvoiceLine> recomputed = InvoiceCalculator.premiums(MARCH, plan, List.of(asKnownNow, joinedLate),
                BigDecimal.ONE, 50);

        List<InvoiceLine> adjustments = InvoiceCalculator.adjustments(MARCH, recomputed, billed, 50);

        // e1: 33.15 + 88.39 - 68.50 = 53.04 ; e2: 68.50 x 12/31 = 26.52
        assertThat(adjustments).extracting(InvoiceLine::employeeId).containsExactly("e1", "e2");
        assertThat(adjustments).extracting(InvoiceLine::amount).containsExactly(new BigDecimal("53.04"), new BigDecimal("26.52"));
        assertThat(adjustments).allSatisfy(line -> {
            assertThat(line.kind()).isEqualTo(InvoiceLine.ADJUSTMENT);
            assertThat(line.servicePeriod()).isEqualTo("2027-03");
            assertThat(line.employerShare().add(line.employeeShare())).isEqualByComparingTo(line.amount());
        });
        assertThat(InvoiceCalculator.adjustments(MARCH, billed, billed, 50)).as("nothing changed, nothing to correct").isEmpty();
    }

    private static InvoiceCalculator.Billable billable(String id, Enrolment.Segment... segments) {
        return new InvoiceCalculator.Billable(id, List.of(segments), new BigDecimal("48000"));
    }
}
