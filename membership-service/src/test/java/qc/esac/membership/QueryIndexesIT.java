package qc.esac.membership;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.testkit.StoreIndexes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes production MongoDB needs for the queries on collections that grow with the network, as the service
 * declares them at start (read back from the store): a query without its index scans the collection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryIndexesIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void organizationsListAndSearchAreServedByIndexes() {
        List<Document> keys = keysOf("organizations");
        // the list: {closedOn: null}, sorted by search name then id, paged; its count of open organizations
        assertThat(keys).contains(new Document("state.searchName", 1).append("_id", 1),
                new Document("state.closedOn", 1));
        // the other filters and the NEQ's uniqueness
        assertThat(keys).contains(new Document("state.profile.neq", 1), new Document("state.profile.regionCode", 1),
                new Document("state.profile.sectorCodes", 1), new Document("state.profile.legalForm", 1));
        assertThat(keys).doesNotContain(new Document("state.searchName", 1)); // replaced by {searchName, _id}
    }

    @Test
    void membershipsListsAreServedByIndexes() {
        assertThat(keysOf("memberships")).contains(
                new Document("state.networkId", 1).append("state.organizationId", 1).append("_id", 1),
                new Document("state.organizationId", 1), new Document("state.nextCheckEpochDay", 1),
                new Document("state.liveKey", 1));
    }

    /** Each index's keys (its options left out). */
    private List<Document> keysOf(String collection) {
        return StoreIndexes.of(mongo.getCollection(collection)).stream()
                .map(index -> index.get("key", Document.class)).toList();
    }
}
