package qc.esac.training.session;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import qc.esac.training.catalogue.LocalizedText;
import qc.esac.events.training.AttestationIssued;
import qc.esac.events.training.RegistrationCancelled;
import qc.esac.events.training.RegistrationConfirmed;
import qc.esac.events.training.RegistrationWaitlisted;
import qc.esac.events.training.SessionCancelled;
import qc.esac.events.training.SessionCompleted;
import qc.esac.events.training.SessionScheduled;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.ProblemException;
import qc.esac.training.catalogue.DeliveryMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    private static final LocalDate START = LocalDate.of(2026, 3, 10);
    private static final Instant NOW = Instant.parse("2026-02-02T15:00:00Z");
    private static final String NETWORK = "reseau-csmo-esac";
    private static final BigDecimal MEMBER = new BigDecimal("120.00");
    private static final BigDecimal NON_MEMBER = new BigDecimal("180.00");

    private final AtomicInteger ids = new AtomicInteger();

    private Session scheduled(int seats) {
        return Session.schedule("ses-1", "crs-1", LocalizedText.fr("Gestion d’équipe"), java.util.List.of("GRH"), NETWORK, START,
                START.plusDays(1), new BigDecimal("12"), DeliveryMode.IN_PERSON, "Montréal", seats, MEMBER,
                NON_MEMBER, START.minusDays(7), TODAY).state();
    }

    private Session open(int seats) {
        return scheduled(seats).openRegistrations(TODAY).state();
    }

    private Change<Session> register(Session session, String person, boolean goodStanding) {
        return session.register("reg-" + person, "org-" + person, Participant.employee(person, "Prénom", person),
                Pricing.quote(session, goodStanding), TODAY, NOW);
    }

    @Nested
    class Pricing_ {

        @Test
        void memberPriceOnlyForAnOrganizationInGoodStandingWithTheNetwork() {
            Session session = open(10);
            assertThat(Pricing.quote(session, true)).isEqualTo(new Price(MEMBER, true));
            assertThat(Pricing.quote(session, false)).isEqualTo(new Price(NON_MEMBER, false));
        }

        @Test
        void theConfirmedRegistrationCarriesThePriceAndItsEventSaysWhichOne() {
            Change<Session> member = register(open(10), "ana", true);
            Change<Session> other = register(member.state(), "ben", false);

            assertThat(other.state().requireRegistration("reg-ana").price()).isEqualByComparingTo(MEMBER);
            assertThat(other.state().requireRegistration("reg-ben").price()).isEqualByComparingTo(NON_MEMBER);
            assertThat(other.events()).singleElement().isInstanceOfSatisfying(RegistrationConfirmed.class, e -> {
                assertThat(e.memberPrice()).isFalse();
                assertThat(e.price()).isEqualByComparingTo(NON_MEMBER);
            });
        }

        @Test
        void aPromotedRegistrationIsPricedOnTheDayOfItsPromotion() {
            Session full = register(open(1), "ana", true).state();
            Session waiting = register(full, "ben", true).state(); // in good standing when waitlisted...
            // ...but the membership lapsed before the seat freed up.
            Change<Session> change = waiting.cancelRegistration("reg-ana", TODAY, (org, network) -> false);

            Registration promoted = change.state().requireRegistration("reg-ben");
            assertThat(promoted.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(promoted.price()).isEqualByComparingTo(NON_MEMBER);
            assertThat(promoted.memberPrice()).isFalse();
        }
    }

    @Nested
    class Waitlist {

        @Test
        void whenFullNewRegistrationsWaitInOrder() {
            Session session = register(open(1), "ana", true).state();
            assertThat(session.status()).isEqualTo(SessionStatus.FULL);

            Change<Session> ben = register(session, "ben", true);
            Change<Session> cleo = register(ben.state(), "cleo", true);

            assertThat(ben.events()).singleElement().isInstanceOfSatisfying(RegistrationWaitlisted.class,
                    e -> assertThat(e.position()).isEqualTo(1));
            assertThat(cleo.events()).singleElement().isInstanceOfSatisfying(RegistrationWaitlisted.class,
                    e -> assertThat(e.position()).isEqualTo(2));
            assertThat(cleo.state().waitlist()).extracting(Registration::id).containsExactly("reg-ben", "reg-cleo");
            assertThat(cleo.state().confirmedCount()).isEqualTo(1);
        }

        @Test
        void aFreedSeatGoesToTheFirstPersonWaitingAndOnlyToThem() {
            Session session = register(register(register(open(1), "ana", true).state(), "ben", true).state(),
                    "cleo", false).state();

            Change<Session> change = session.cancelRegistration("reg-ana", TODAY, (org, network) -> true);

            assertThat(change.state().requireRegistration("reg-ben").status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(change.state().requireRegistration("reg-ben").promotedFromWaitlist()).isTrue();
            assertThat(change.state().requireRegistration("reg-cleo").status()).isEqualTo(RegistrationStatus.WAITLISTED);
            assertThat(change.state().status()).isEqualTo(SessionStatus.FULL);
            assertThat(change.events()).hasSize(2);
            assertThat(change.events().get(0)).isInstanceOfSatisfying(RegistrationCancelled.class, e -> {
                assertThat(e.registrationId()).isEqualTo("reg-ana");
                assertThat(e.previousStatus()).isEqualTo("CONFIRMED");
            });
            assertThat(change.events().get(1)).isInstanceOfSatisfying(RegistrationConfirmed.class, e -> {
                assertThat(e.registrationId()).isEqualTo("reg-ben");
                assertThat(e.promotedFromWaitlist()).isTrue();
            });
        }

        @Test
        void cancellingAWaitingRegistrationPromotesNobodyAndFreesNoSeat() {
            Session session = register(register(register(open(1), "ana", true).state(), "ben", true).state(),
                    "cleo", true).state();

            Change<Session> change = session.cancelRegistration("reg-ben", TODAY, (org, network) -> true);

            assertThat(change.events()).singleElement().isInstanceOf(RegistrationCancelled.class);
            assertThat(change.state().waitlist()).extracting(Registration::id).containsExactly("reg-cleo");
            assertThat(change.state().status()).isEqualTo(SessionStatus.FULL);
        }

        @Test
        void withNobodyWaitingAFreedSeatReopensTheSession() {
            Session session = register(open(1), "ana", true).state();
            Change<Session> change = session.cancelRegistration("reg-ana", TODAY, (org, network) -> true);
            assertThat(change.state().status()).isEqualTo(SessionStatus.OPEN);
            assertThat(change.state().seatsLeft()).isEqualTo(1);
        }

        @Test
        void cancellingAfterTheDeadlineIsLateAndAfterTheStartIsRefused() {
            Session session = register(open(2), "ana", true).state();
            Change<Session> late = session.cancelRegistration("reg-ana", START.minusDays(2), (o, n) -> true);
            assertThat(((RegistrationCancelled) late.events().get(0)).lateCancellation()).isTrue();

            assertProblem(() -> session.cancelRegistration("reg-ana", START, (o, n) -> true),
                    "inscription.annulation-apres-debut");
            assertProblem(() -> late.state().cancelRegistration("reg-ana", TODAY, (o, n) -> true),
                    "inscription.deja-annulee");
        }
    }

    @Nested
    class Registrations {

        @Test
        void aPersonCannotHoldTwoPlacesInASession() {
            Session session = register(open(5), "ana", true).state();
            assertThatThrownBy(() -> register(session, "ana", true)).isInstanceOfSatisfying(ConflictException.class,
                    e -> assertThat(e.code()).isEqualTo("inscription.doublon"));
            // Once cancelled, the same person may register again.
            Session cancelled = session.cancelRegistration("reg-ana", TODAY, (o, n) -> true).state();
            assertThat(cancelled.register("reg-ana-2", "org-ana", Participant.employee("ana", "Prénom", "ana"),
                    Pricing.quote(cancelled, true), TODAY, NOW).state().confirmedCount()).isEqualTo(1);
        }

        @Test
        void registrationsAreRefusedUnlessOpenAndBeforeTheDeadline() {
            assertProblem(() -> register(scheduled(5), "ana", true), "inscription.pas-encore-ouverte");
            Session closed = open(5).closeRegistrations().state();
            assertProblem(() -> register(closed, "ana", true), "inscription.fermee");
            Session cancelled = open(5).cancel("Formatrice malade", TODAY).state();
            assertProblem(() -> register(cancelled, "ana", true), "inscription.seance-annulee");
            Session open = open(5);
            assertProblem(() -> open.register("r", "o", Participant.employee("ana", "A", "B"), Pricing.quote(open, true),
                    START.minusDays(6), NOW), "inscription.date-limite-passee");
        }

        @Test
        void externalPeopleKeepOneIdentityWhateverTheCaseOfTheirEmail() {
            assertThat(Participant.external("Léa", "Tremblay", "Lea.Tremblay@Exemple.org ").personId())
                    .isEqualTo(Participant.external("Léa", "Tremblay", "lea.tremblay@exemple.org").personId())
                    .startsWith("ext-");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void schedulingChecksDatesAndPricesTogether() {
            assertThatThrownBy(() -> Session.schedule("s", "c", LocalizedText.fr("T"), java.util.List.of(), NETWORK, START,
                    START.minusDays(1), BigDecimal.TEN, DeliveryMode.ONLINE_SYNCHRONOUS, null, 5, NON_MEMBER, MEMBER,
                    START.plusDays(1), TODAY))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field())
                            .containsExactlyInAnyOrder("endDate", "registrationDeadline", "memberPrice"));
        }

        @Test
        void schedulingAnnouncesTheSessionWithItsUec() {
            Change<Session> change = Session.schedule("ses-1", "crs-1", LocalizedText.fr("T"), java.util.List.of("GRH"), NETWORK, START,
                    START, new BigDecimal("12.0"), DeliveryMode.IN_PERSON, null, 5, MEMBER, NON_MEMBER, START, TODAY);
            assertThat(change.state().status()).isEqualTo(SessionStatus.PLANNED);
            assertThat(change.events()).singleElement().isInstanceOfSatisfying(SessionScheduled.class,
                    e -> assertThat(e.uec().toPlainString()).isEqualTo("1.2"));
        }

        @Test
        void cancellingTheSessionCancelsEveryActiveRegistration() {
            Session session = register(register(open(1), "ana", true).state(), "ben", true).state();
            Change<Session> change = session.cancel("Formatrice malade", TODAY);

            assertThat(change.state().status()).isEqualTo(SessionStatus.CANCELLED);
            assertThat(change.events()).hasSize(3);
            assertThat(change.events().get(0)).isInstanceOf(SessionCancelled.class);
            assertThat(change.events().subList(1, 3)).allSatisfy(e -> assertThat(((RegistrationCancelled) e).reason())
                    .isEqualTo("SESSION_CANCELLED"));
            assertProblem(() -> change.state().cancel("encore", TODAY), "seance.annulation-interdite");
        }

        @Test
        void addedSeatsGoToThePeopleWaitingAndSeatsCannotDropBelowTheConfirmed() {
            Session session = register(register(register(open(1), "ana", true).state(), "ben", false).state(),
                    "cleo", true).state();

            Change<Session> change = session.update(START, START.plusDays(1), new BigDecimal("12"),
                    DeliveryMode.ONLINE_SYNCHRONOUS, null, 2, MEMBER, NON_MEMBER, START.minusDays(7), TODAY,
                    (org, network) -> org.equals("org-ben"));

            assertThat(change.state().requireRegistration("reg-ben").status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(change.state().requireRegistration("reg-ben").memberPrice()).isTrue(); // in good standing now
            assertThat(change.state().waitlist()).extracting(Registration::id).containsExactly("reg-cleo");
            assertThat(change.events()).hasSize(2);
            assertThat(change.events().get(0)).isInstanceOfSatisfying(qc.esac.events.training.SessionUpdated.class,
                    e -> assertThat(e.status()).isEqualTo("FULL"));

            assertThatThrownBy(() -> change.state().update(START, START, BigDecimal.TEN, DeliveryMode.IN_PERSON,
                    null, 1, MEMBER, NON_MEMBER, START, TODAY, (o, n) -> true))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("seats")));
            assertProblem(() -> change.state().update(START, START, BigDecimal.TEN, DeliveryMode.IN_PERSON,
                    null, 5, MEMBER, NON_MEMBER, START, START, (o, n) -> true), "seance.deja-commencee");
        }

        @Test
        void attendanceIsRefusedBeforeTheSessionStarts() {
            Session session = register(open(5), "ana", true).state();
            assertProblem(() -> session.recordAttendance(Map.of("reg-ana", BigDecimal.TEN), START.minusDays(1)),
                    "presence.seance-future");
        }

        @Test
        void attendanceMustBeWithinTheSessionHoursAndForConfirmedPeople() {
            Session session = register(open(5), "ana", true).state();
            assertThatThrownBy(() -> session.recordAttendance(Map.of("reg-ana", new BigDecimal("12.5"),
                    "reg-nobody", BigDecimal.ONE), START))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field())
                            .containsExactlyInAnyOrder("attendance[reg-ana]", "attendance[reg-nobody]"));
        }

        @Test
        void completionIssuesAttestationsOnlyFromNinetyPercentAttendance() {
            Session session = register(register(register(open(5), "ana", true).state(), "ben", false).state(),
                    "cleo", true).state();
            Session attended = session.recordAttendance(Map.of("reg-ana", new BigDecimal("12"),
                    "reg-ben", new BigDecimal("10.8"), "reg-cleo", new BigDecimal("10.5")), START).state();

            assertProblem(() -> attended.complete(START, this::id, this::code), "seance.pas-terminee");
            Change<Session> change = attended.complete(START.plusDays(1), this::id, this::code);

            assertThat(change.state().status()).isEqualTo(SessionStatus.COMPLETED);
            assertThat(change.events().get(0)).isInstanceOfSatisfying(SessionCompleted.class, e -> {
                assertThat(e.participants()).isEqualTo(3);
                assertThat(e.attestationsIssued()).isEqualTo(2);
            });
            assertThat(change.events().subList(1, change.events().size()))
                    .extracting(e -> ((AttestationIssued) e).personId()).containsExactly("ana", "ben");
            AttestationIssued ana = (AttestationIssued) change.events().get(1);
            assertThat(ana.hours()).isEqualByComparingTo("12");
            assertThat(ana.uec().toPlainString()).isEqualTo("1.2");
            assertThat(ana.organizationId()).isEqualTo("org-ana");
            assertThat(ana.verificationCode()).isEqualTo(change.state().requireRegistration("reg-ana")
                    .attestation().verificationCode());
            assertThat(change.state().requireRegistration("reg-cleo").attestation()).isNull();
        }

        @Test
        void completionReleasesThePeopleStillWaiting() {
            Session session = register(register(open(1), "ana", true).state(), "ben", true).state()
                    .recordAttendance(Map.of("reg-ana", new BigDecimal("12")), START).state();
            Change<Session> change = session.complete(START.plusDays(1), this::id, this::code);
            assertThat(change.state().requireRegistration("reg-ben").status()).isEqualTo(RegistrationStatus.CANCELLED);
            assertThat(change.events()).filteredOn(RegistrationCancelled.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((RegistrationCancelled) e).reason()).isEqualTo("SESSION_COMPLETED"));
            assertThat(((SessionCompleted) change.events().get(0)).attestationsIssued()).isEqualTo(1);
        }

        @Test
        void completionNeedsEveryConfirmedParticipantsAttendance() {
            Session session = register(register(open(5), "ana", true).state(), "ben", true).state()
                    .recordAttendance(Map.of("reg-ana", BigDecimal.TEN), START).state();
            assertThatThrownBy(() -> session.complete(START.plusDays(3), this::id, this::code))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("seance.presences-manquantes");
                        assertThat(e.args()).containsExactly("1");
                    });
        }

        @Test
        void onlyParticipantsOfACompletedSessionRateItFromOneToFive() {
            Session session = register(open(5), "ana", true).state()
                    .recordAttendance(Map.of("reg-ana", BigDecimal.TEN), START).state();
            assertProblem(() -> session.rate("reg-ana", 4), "satisfaction.seance-non-suivie");
            Session done = session.complete(START.plusDays(1), SessionTest.this::id, SessionTest.this::code).state();
            assertThat(done.rate("reg-ana", 4).state().requireRegistration("reg-ana").satisfaction()).isEqualTo(4);
            assertThatThrownBy(() -> done.rate("reg-ana", 6)).isInstanceOf(InvalidInputException.class);
        }

        private String id() {
            return SessionTest.this.id();
        }

        private String code() {
            return SessionTest.this.code();
        }
    }

    private String id() {
        return "att-" + ids.incrementAndGet();
    }

    private String code() {
        return "CODE-" + ids.incrementAndGet();
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

}
