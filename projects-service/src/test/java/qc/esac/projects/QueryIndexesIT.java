package qc.esac.projects;

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
 * The indexes production MongoDB needs for projects' queries, as the service declares them at start (read back
 * from the store, with their options): a query without its index scans the collection, a sort its index does not
 * give is done in memory. The README's table says which query each one serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryIndexesIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void projectListsAndTheNameSearchAreServedByIndexes() {
        List<Document> indexes = indexesOf("projects");
        assertThat(indexes).contains(
                // every list is sorted by name then id; the name search tests this index's names
                index(key("state.name", 1).append("_id", 1)),
                // the public list: the active projects in that order
                index(key("state.status", 1).append("state.name", 1).append("_id", 1)),
                // the other filters, and the projects an organization is a partner of or invited to
                index(key("state.targetedIssues", 1)), index(key("state.leadOrganizationId", 1)),
                index(key("state.regionCodes", 1)), index(key("state.partners.organizationId", 1)),
                index(key("state.invitations.organizationId", 1)));
        // replaced by the compound ones above
        assertThat(indexes).doesNotContain(index(key("state.name", 1)), index(key("state.status", 1)));
    }

    @Test
    void reportingPeriodsAndPlatformFactsAreServedByIndexes() {
        assertThat(indexesOf("reporting_periods")).contains(
                index(key("state.projectId", 1).append("state.startDate", 1)), index(key("state.status", 1)));
        assertThat(indexesOf("platform_facts")).contains(index(key("source", 1).append("organizationId", 1)));
    }

    private List<Document> indexesOf(String collection) {
        return StoreIndexes.of(mongo.getCollection(collection));
    }
}
