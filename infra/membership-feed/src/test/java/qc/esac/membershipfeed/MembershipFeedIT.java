package qc.esac.membershipfeed;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;
import qc.esac.events.membership.MembershipLapsed;
import qc.esac.events.membership.OrganizationClosed;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.events.membership.OrganizationUpdated;
import qc.esac.kit.messaging.EventDispatcher;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.membershipfeed.FeedTestSupport.event;

/** The shared semantics of the membership read models, on the test store, through the kit's dispatcher. */
class MembershipFeedIT {

    private static final Instant JANUARY_15 = Instant.parse("2027-01-15T15:00:00Z");
    /** 01:30 UTC on February 1 is still January 31 in Quebec. */
    private static final Instant LATE_JANUARY_31 = Instant.parse("2027-02-01T01:30:00Z");

    private final MongoTemplate mongo = FeedTestSupport.freshDatabase();
    private final MembershipFeed feed = FeedTestSupport.feed(mongo);
    private final EventDispatcher dispatcher = FeedTestSupport.dispatcher(feed);

    @Test
    void aLapseAnnouncedForLaterLeavesTheOrganizationInGoodStandingUntilItsEffectiveDate() {
        // The case insurance got wrong: it read the latest goodStanding whatever its effective date.
        dispatcher.dispatch(event("m-1", 1, JANUARY_15, standing(true, "ACTIVE", LocalDate.of(2026, 4, 1))));
        dispatcher.dispatch(event("m-1", 2, JANUARY_15, standing(false, "LAPSED", LocalDate.of(2027, 4, 1))));

        MembershipStandings standings = feed.standings();
        assertThat(standings.isInGoodStanding("org-1", "net-1", LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(standings.isInGoodStanding("org-1", "net-1", LocalDate.of(2027, 4, 1))).isFalse();
        assertThat(standings.isInGoodStanding("org-1", "net-1", LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(standings.find("org-1", "net-1")).hasValueSatisfying(s -> {
            assertThat(s.membershipId()).isEqualTo("m-1");
            assertThat(s.status()).isEqualTo("LAPSED");
            assertThat(s.effectiveDate()).isEqualTo(LocalDate.of(2027, 4, 1));
        });
        assertThat(mongo.getCollection(MembershipStandings.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(mongo.getCollection(MembershipStandings.COLLECTION).find().first().getString("_id"))
                .isEqualTo("org-1|net-1");
    }

    @Test
    void aStandingWithoutEffectiveDateTakesEffectOnTheQuebecDayOfTheEvent() {
        dispatcher.dispatch(event("m-1", 1, LATE_JANUARY_31, standing(true, "ACTIVE", null)));

        assertThat(feed.standings().isInGoodStanding("org-1", "net-1", LocalDate.of(2027, 1, 31))).isTrue();
        assertThat(feed.standings().isInGoodStanding("org-1", "net-1", LocalDate.of(2027, 1, 30))).isFalse();
    }

    @Test
    void standingsAreKeptPerNetworkAndAnUnknownOneIsNotGood() {
        dispatcher.dispatch(event("m-1", 1, JANUARY_15, standing(true, "ACTIVE", LocalDate.of(2026, 4, 1))));

        assertThat(feed.standings().isInGoodStanding("org-1", "net-2", LocalDate.of(2027, 1, 15))).isFalse();
        assertThat(feed.standings().isInGoodStanding("org-2", "net-1", LocalDate.of(2027, 1, 15))).isFalse();
    }

    @Test
    void aRedeliveredOrOlderStandingEventChangesNothing() {
        MembershipLapsed lapse = standing(false, "LAPSED", LocalDate.of(2027, 1, 1));
        dispatcher.dispatch(event("m-1", 1, JANUARY_15, standing(true, "ACTIVE", LocalDate.of(2026, 4, 1))));
        dispatcher.dispatch(event("m-1", 3, JANUARY_15, lapse));
        dispatcher.dispatch(event("m-1", 3, JANUARY_15, lapse));
        dispatcher.dispatch(event("m-1", 2, JANUARY_15, standing(true, "ACTIVE", LocalDate.of(2026, 12, 1))));

        assertThat(feed.standings().find("org-1", "net-1")).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo("LAPSED");
            // The redelivery did not overwrite "what held before" with the lapse itself.
            assertThat(s.goodStandingOn(LocalDate.of(2026, 12, 31))).isTrue();
        });
    }

    @Test
    void organizationsAreRegisteredUpdatedAndClosedOnce() {
        dispatcher.dispatch(event("org-1", 1, JANUARY_15, new OrganizationRegistered("org-1", "Coop d’origine",
                "1234567890", "OBNL", "05", List.of("AIDE_DOMICILE"))));
        dispatcher.dispatch(event("org-1", 2, JANUARY_15, new OrganizationUpdated("org-1", "Coop à jour",
                "1234567890", "COOP_TRAVAIL", "06", List.of(), List.of("LOISIR"), null, null, null, null, null, null,
                "fr", List.of("legalName"))));
        dispatcher.dispatch(event("org-1", 1, JANUARY_15, new OrganizationRegistered("org-1", "Doublon en retard",
                "1234567890", "OBNL", "01", List.of())));

        assertThat(feed.organizations().find("org-1")).hasValueSatisfying(o -> {
            assertThat(o.legalName()).isEqualTo("Coop à jour");
            assertThat(o.legalForm()).isEqualTo("COOP_TRAVAIL");
            assertThat(o.regionCode()).isEqualTo("06");
            assertThat(o.sectorCodes()).containsExactly("LOISIR");
            assertThat(o.closed()).isFalse();
        });

        dispatcher.dispatch(event("org-1", 3, LATE_JANUARY_31, new OrganizationClosed("org-1", "Coop à jour",
                "1234567890", null, "Dissolution")));
        assertThat(feed.organizations().find("org-1")).hasValueSatisfying(o -> {
            assertThat(o.closed()).isTrue();
            assertThat(o.closedOn()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(o.regionCode()).as("the profile stays known").isEqualTo("06");
        });
        assertThat(feed.organizations().find("org-2")).isEmpty();
    }

    @Test
    void theRosterKeepsEachEntryItsHoursHistoryAndItsAccount() {
        dispatcher.dispatch(event("emp-1", 1, JANUARY_15, new EmployeeAdded("emp-1", "org-1", "Prénom", "Fictif", null,
                null, "PART_TIME", new BigDecimal("20"), LocalDate.of(2026, 9, 1), null, null)));
        dispatcher.dispatch(event("emp-1", 2, LATE_JANUARY_31, new EmployeeUpdated("emp-1", "org-1", "Prénom",
                "Fictif", null, null, "FULL_TIME", new BigDecimal("35"), LocalDate.of(2026, 9, 1), null, "user-1",
                List.of("weeklyHours", "userId"))));
        dispatcher.dispatch(event("emp-2", 1, JANUARY_15, new EmployeeAdded("emp-2", "org-1", "Autre", "Employée",
                null, null, "FULL_TIME", new BigDecimal("35"), LocalDate.of(2020, 1, 6), null, null)));
        dispatcher.dispatch(event("emp-3", 1, JANUARY_15, new EmployeeAdded("emp-3", "org-2", "Ailleurs", "Fictif",
                null, null, "FULL_TIME", new BigDecimal("35"), LocalDate.of(2020, 1, 6), null, null)));

        Roster roster = feed.roster();
        assertThat(roster.find("emp-1")).hasValueSatisfying(e -> {
            assertThat(e.weeklyHours()).isEqualByComparingTo("35");
            assertThat(e.hoursAtLeastSince(new BigDecimal("30"))).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(e.worksFor("org-1", LocalDate.of(2027, 2, 1))).isTrue();
            assertThat(e.fullName()).isEqualTo("Prénom Fictif");
        });
        assertThat(roster.ofOrganization("org-1")).extracting(RosterEntry::id).containsExactly("emp-2", "emp-1");
        assertThat(roster.ofUser("user-1")).map(RosterEntry::id).hasValue("emp-1");
        assertThat(roster.employeeIdsOf("user-1")).containsExactly("emp-1");
        assertThat(roster.isSamePerson("user-1", "emp-1")).isTrue();
        assertThat(roster.isSamePerson("user-2", "emp-1")).isFalse();
    }

    @Test
    void aDepartureWithoutEndDateEndsOnTheQuebecDayItWasAnnounced() {
        dispatcher.dispatch(event("emp-1", 1, JANUARY_15, new EmployeeAdded("emp-1", "org-1", "Prénom", "Fictif", null,
                null, "FULL_TIME", new BigDecimal("35"), LocalDate.of(2026, 9, 1), null, null)));
        dispatcher.dispatch(event("emp-1", 2, LATE_JANUARY_31, new EmployeeLeft("emp-1", "org-1", "Prénom", "Fictif",
                null, null, "FULL_TIME", new BigDecimal("35"), LocalDate.of(2026, 9, 1), null, null, null)));

        assertThat(feed.roster().find("emp-1")).hasValueSatisfying(e -> {
            assertThat(e.endDate()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(e.worksFor("org-1", LocalDate.of(2027, 1, 31))).isTrue();
            assertThat(e.worksFor("org-1", LocalDate.of(2027, 2, 1))).isFalse();
        });
    }

    @Test
    void theRosterLookupsOtherThanByIdHaveTheirIndex() {
        assertThat(mongo.indexOps(Roster.COLLECTION).getIndexInfo()).extracting(IndexInfo::getName)
                .contains("organization", "user");
    }

    private static MembershipLapsed standing(boolean good, String status, LocalDate effectiveDate) {
        return new MembershipLapsed("m-1", "org-1", "net-1", "REGULAR", status, "ACTIVE", good, good,
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), effectiveDate, null);
    }

}
