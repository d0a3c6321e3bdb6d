package qc.esac.kit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import qc.esac.testkit.TestInfrastructure;

/** Retired indexes go, their successors and the rest stay, and two instances starting at once both start. */
class RetiredIndexesIT {

    private static final MongoClient CLIENT = MongoClients.create(TestInfrastructure.get().mongoUri());

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "kit-retired-indexes");
    private final String collection = "things-" + UUID.randomUUID();
    private IndexOperations indexes;

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @BeforeEach
    void anOlderVersionsIndexes() {
        mongo.insert(new Document("name", "a").append("region", "06"), collection);
        indexes = mongo.indexOps(collection);
        indexes.createIndex(new Index().on("name", Sort.Direction.ASC).named("old_name"));
        indexes.createIndex(new Index().on("region", Sort.Direction.ASC).named("region"));
    }

    @Test
    void dropsTheNamedIndexesThatExistAndKeepsTheOthers() {
        RetiredIndexes.drop(indexes, Set.of("old_name", "never_created"));

        assertThat(names()).contains("region").doesNotContain("old_name");
    }

    @Test
    void anIndexAnotherInstanceDroppedFirstIsNoFailure() {
        IndexOperations otherInstance = mongo.indexOps(collection);
        // This instance has listed the indexes; the other one drops the retired index before this one does.
        RetiredIndexes.drop(indexes, (IndexInfo index) -> {
            if (index.getName().equals("old_name")) {
                otherInstance.dropIndex("old_name");
                return true;
            }
            return false;
        });

        assertThat(names()).contains("region").doesNotContain("old_name");
    }

    @Test
    void anyOtherFailureStillStopsTheStart() {
        // A refusal that is not "already gone" (here: unauthorized) must surface and stop the start.
        IndexOperations refusing = Mockito.mock(IndexOperations.class);
        Mockito.when(refusing.getIndexInfo()).thenReturn(indexes.getIndexInfo());
        BsonDocument answer = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(13))
                .append("errmsg", new BsonString("not authorized"));
        Mockito.doThrow(new UncategorizedMongoDbException("refused",
                new MongoCommandException(answer, new ServerAddress()))).when(refusing).dropIndex("old_name");

        assertThatThrownBy(() -> RetiredIndexes.drop(refusing, Set.of("old_name")))
                .isInstanceOf(UncategorizedMongoDbException.class);
    }

    private List<String> names() {
        return indexes.getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
