package qc.esac.training;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.testkit.StoreIndexes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static qc.esac.testkit.StoreIndexes.index;
import static qc.esac.testkit.StoreIndexes.key;

/**
 * The indexes production MongoDB needs for training's queries, as the service declares them at start (read back
 * from the store, with their options): a query without its index scans the collection, a sort its index does not
 * give is done in memory. The README's table says which query each one serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryIndexesIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void sessionsCalendarAndListsAreServedByIndexes() {
        List<Document> indexes = indexesOf("sessions");
        assertThat(indexes).contains(
                // the calendar: sorted by start date then id, with or without one equality, and "from" as a range
                index(key("state.startDate", 1).append("_id", 1)),
                index(key("state.networkId", 1).append("state.startDate", 1).append("_id", 1)),
                index(key("state.status", 1).append("state.startDate", 1).append("_id", 1)),
                index(key("state.courseId", 1).append("state.startDate", 1).append("_id", 1)),
                // a person's and an organization's sessions, most recent first
                index(key("state.registrations.participant.personId", 1).append("state.startDate", 1)),
                index(key("state.registrations.organizationId", 1).append("state.startDate", 1)),
                // a verification: only attested registrations have a code
                index(key("state.registrations.attestation.verificationCode", 1)).append("sparse", true));
        // replaced by the compound ones above
        assertThat(indexes).doesNotContain(index(key("state.courseId", 1)),
                index(key("state.networkId", 1).append("state.startDate", 1)),
                index(key("state.registrations.participant.personId", 1)),
                index(key("state.registrations.organizationId", 1)),
                index(key("state.registrations.attestation.verificationCode", 1)));
    }

    @Test
    void diagnosticsByOrganizationAndByRespondentAreServedByIndexes() {
        List<Document> indexes = indexesOf("diagnostics");
        assertThat(indexes).contains(index(key("state.organizationId", 1).append("state.openedOn", 1)),
                index(key("state.answers.respondentId", 1).append("state.openedOn", 1)));
        assertThat(indexes).doesNotContain(index(key("state.organizationId", 1)));
    }

    @Test
    void agreementsByOrganizationPersonDateAndCodeAreServedByIndexes() {
        List<Document> indexes = indexesOf("pamt_agreements");
        assertThat(indexes).contains(index(key("state.organizationId", 1).append("state.signedOn", 1)),
                index(key("state.apprentice.employeeId", 1).append("state.signedOn", 1)),
                index(key("state.companion.employeeId", 1).append("state.signedOn", 1)),
                index(key("state.networkId", 1).append("state.signedOn", 1)),
                index(key("state.signedOn", 1)),
                index(key("state.certificate.verificationCode", 1)).append("sparse", true),
                index(key("state.competencies.verificationCode", 1)).append("sparse", true));
        assertThat(indexes).doesNotContain(index(key("state.organizationId", 1)),
                index(key("state.certificate.verificationCode", 1)),
                index(key("state.competencies.verificationCode", 1)));
    }

    @Test
    void standardsCodesAreUnique() {
        assertThat(indexesOf("pamt_standards")).contains(index(key("state.code", 1)).append("unique", true));
    }

    @Test
    void catalogueIsServedByIndexesInTitleOrder() {
        List<Document> indexes = indexesOf("courses");
        assertThat(indexes).contains(index(key("state.title.fr", 1).append("_id", 1)),
                index(key("state.networkId", 1).append("state.title.fr", 1).append("_id", 1)),
                index(key("state.themes", 1).append("state.title.fr", 1).append("_id", 1)));
        assertThat(indexes).doesNotContain(index(key("state.themes", 1)),
                index(key("state.networkId", 1).append("state.title.fr", 1)));
    }

    @Test
    void coachingAndAccessLogAreServedByIndexes() {
        assertThat(indexesOf("coaching")).contains(index(key("state.organizationId", 1).append("state.date", 1)),
                index(key("state.networkId", 1).append("state.date", 1)));
        assertThat(indexesOf("personal_data_access")).contains(index(key("personId", 1).append("at", -1)));
    }

    private List<Document> indexesOf(String collection) {
        return StoreIndexes.of(mongo.getCollection(collection));
    }
}
