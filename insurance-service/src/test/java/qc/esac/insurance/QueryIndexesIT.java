package qc.esac.insurance;

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
 * The indexes production MongoDB needs for insurance's queries, as the service declares them at start (read back
 * from the store, with their options): a query without its index scans the collection, a sort its index does not
 * give is done in memory. The README's table says which query each one serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryIndexesIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void savedAssessmentsOfAnOrganizationAreServedByAnIndex() {
        assertThat(indexesOf("needs_assessments")).contains(index(key("organizationId", 1).append("savedAt", -1)));
    }

    @Test
    void enrolmentListsAreServedByIndexes() {
        List<Document> indexes = indexesOf("enrolments");
        assertThat(indexes).contains(index(key("state.organizationId", 1).append("_id", 1)),
                index(key("state.status", 1).append("state.requestedOn", 1).append("_id", 1)),
                index(key("state.userId", 1)).append("sparse", true));
        // replaced by the ones above
        assertThat(indexes).doesNotContain(index(key("state.organizationId", 1).append("state.status", 1)),
                index(key("state.status", 1).append("state.requestedOn", 1)));
    }

    @Test
    void participationsByStatusAreServedByAnIndex() {
        List<Document> indexes = indexesOf("participations");
        assertThat(indexes).contains(index(key("state.status", 1).append("_id", 1)));
        assertThat(indexes).doesNotContain(index(key("state.status", 1)));
    }

    @Test
    void invoicesClaimsExperienceAndAccessLogOfOneOwnerAreServedByIndexes() {
        assertThat(indexesOf("invoices")).contains(index(key("state.organizationId", 1).append("state.period", -1)));
        List<Document> experience = indexesOf("claims_experience");
        assertThat(experience).contains(
                index(key("organizationId", 1).append("planYear", 1).append("coverage", 1)));
        assertThat(experience).doesNotContain(index(key("organizationId", 1).append("planYear", 1)));
        assertThat(indexesOf("personal_data_access")).contains(index(key("employeeId", 1).append("at", -1)));
    }

    private List<Document> indexesOf(String collection) {
        return StoreIndexes.of(mongo.getCollection(collection));
    }
}
