package qc.esac.kit.messaging;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.BatchListenerFailedException;
import qc.esac.events.EventCatalog;
import qc.esac.events.Topics;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.testkit.TestEvents;
import qc.esac.testkit.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A poll's records applied as one batch, on the test store: the same read model as one by one, the records before
 * a failing one written and the failing one named alone, and a document changed meanwhile by someone else handled
 * by the sequences.
 */
class EventBatchesIT {

    private static final String TYPE = EventCatalog.of(OrganizationRegistered.class).type();
    private static final String NAMES = "names";
    /** Commands sent to the store while a test counts them, by name. */
    private static final Map<String, Integer> COMMANDS = new ConcurrentHashMap<>();
    private static volatile boolean counting;
    private static final MongoClient CLIENT = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(TestInfrastructure.get().mongoUri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (counting) {
                        COMMANDS.merge(event.getCommandName(), 1, Integer::sum);
                    }
                }
            }).build());

    private final JsonMapper json = JsonMapper.builder().build();
    private final IncomingEvents incoming = new IncomingEvents(json);
    private long offset;

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    @Test
    void duplicatesAndReorderingWithinABatchLeaveWhatOneByOneLeaves() {
        List<ConsumerRecord<String, byte[]>> records = List.of(
                record("org-1", 1, "Premier nom"),
                record("org-2", 1, "Autre organisation"),
                record("org-1", 3, "Troisième nom"),
                record("org-1", 2, "Deuxième nom, arrivé après le troisième"),
                record("org-1", 3, "Troisième nom redélivré, autre texte"),
                record("org-2", 1, "Autre organisation redélivrée"),
                record("org-3", 5, "Après un trou de séquence"),
                record("org-3", 4, "Plus ancien"));

        Store oneByOne = new Store();
        records.forEach(r -> oneByOne.dispatcher.dispatch(incoming.parse(r)));
        Store batched = new Store();
        batched.batches.consume(records, batched.dispatcher);

        assertThat(batched.documents()).isEqualTo(oneByOne.documents());
        assertThat(batched.documents().get("org-1")).containsEntry("name", "Troisième nom");
        assertThat(batched.documents().get("org-2")).containsEntry("name", "Autre organisation");
        assertThat(batched.documents().get("org-3")).containsEntry("name", "Après un trou de séquence");
        // Each event was judged against the batch's copy: the duplicates and the older ones were not applied.
        assertThat(batched.applied).containsExactly("org-1#1", "org-2#1", "org-1#3", "org-3#5");

        // The whole batch again (a redelivery after a crash before the commit) changes nothing.
        Map<String, Document> before = batched.documents();
        batched.applied.clear();
        batched.batches.consume(records, batched.dispatcher);
        assertThat(batched.documents()).isEqualTo(before);
        assertThat(batched.applied).isEmpty();
    }

    @Test
    void aBatchReadsItsDocumentsWithOneQueryAndWritesThemWithOneBulkWrite() {
        Store store = new Store();
        store.batches.consume(List.of(record("org-1", 1, "Un")), store.dispatcher);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(record("org-" + (i % 10), 2 + i, "Nom " + i));
        }
        COMMANDS.clear();
        counting = true;
        try {
            store.batches.consume(records, store.dispatcher);
        } finally {
            counting = false;
        }

        assertThat(COMMANDS).containsEntry("find", 1).containsEntry("update", 1).containsEntry("insert", 1);
        assertThat(store.documents()).hasSize(10);
        assertThat(store.documents().get("org-9")).containsEntry("name", "Nom 49");
    }

    @Test
    void aPollOfOneRecordCostsOneStoreCommand() {
        Store store = new Store();
        COMMANDS.clear();
        counting = true;
        try {
            store.batches.consume(List.of(record("org-1", 1, "Seule")), store.dispatcher);
            store.batches.consume(List.of(record("org-1", 2, "Seule, à jour")), store.dispatcher);
        } finally {
            counting = false;
        }

        // One conditional upsert each, judged by the store: no read before the write.
        assertThat(COMMANDS).containsExactly(Map.entry("update", 2));
        assertThat(store.documents().get("org-1")).containsEntry("name", "Seule, à jour")
                .containsEntry(IdempotentUpdates.APPLIED, new Document("org-1", 2L));
    }

    @Test
    void aPollOfOneRecordIsJudgedAsInABatch() {
        Store store = new Store();
        store.batches.consume(List.of(record("org-1", 3, "Troisième nom")), store.dispatcher);
        store.applied.clear();

        store.batches.consume(List.of(record("org-1", 3, "Troisième redélivré")), store.dispatcher);
        store.batches.consume(List.of(record("org-1", 2, "Plus ancien")), store.dispatcher);
        assertThat(store.applied).isEmpty();
        assertThat(store.documents().get("org-1")).containsEntry("name", "Troisième nom");

        store.batches.consume(List.of(record("org-1", 4, "Quatrième")), store.dispatcher);
        assertThat(store.applied).containsExactly("org-1#4");
        assertThat(store.documents().get("org-1")).containsEntry("name", "Quatrième");

        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(Topics.MEMBERSHIP, 0, offset++, "org-x",
                "pas un événement".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.batches.consume(List.of(poison), store.dispatcher))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(poison);
                    assertThat(e.getCause()).isInstanceOf(UnprocessableEventException.class);
                });
        store.failOn = "org-2";
        ConsumerRecord<String, byte[]> refused = record("org-2", 1, "Refusé");
        assertThatThrownBy(() -> store.batches.consume(List.of(refused), store.dispatcher))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(refused);
                    assertThat(e.getCause()).hasMessage("magasin indisponible");
                });
    }

    @Test
    void aPoisonRecordInTheMiddleIsNamedAloneAndTheRecordsBeforeItAreWritten() {
        Store store = new Store();
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(Topics.MEMBERSHIP, 0, offset++, "org-x",
                "pas un événement".getBytes(StandardCharsets.UTF_8));
        List<ConsumerRecord<String, byte[]>> records = List.of(record("org-1", 1, "Avant"), record("org-2", 1, "Avant aussi"),
                poison, record("org-3", 1, "Après"));

        assertThatThrownBy(() -> store.batches.consume(records, store.dispatcher))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(poison);
                    assertThat(e.getCause()).isInstanceOf(UnprocessableEventException.class);
                });

        assertThat(store.documents()).containsOnlyKeys("org-1", "org-2");
        // The error handler redelivers the records after the poison one: they are applied then.
        store.batches.consume(records.subList(3, 4), store.dispatcher);
        assertThat(store.documents()).containsOnlyKeys("org-1", "org-2", "org-3");
    }

    @Test
    void aHandlerFailingOnOneRecordLeavesNoTraceOfItAndTheRecordsBeforeItAreWritten() {
        Store store = new Store();
        store.failOn = "org-2";
        List<ConsumerRecord<String, byte[]>> records = List.of(record("org-1", 1, "Avant"), record("org-1", 2, "Avant, à jour"),
                record("org-2", 1, "Refusé"), record("org-3", 1, "Après"));

        assertThatThrownBy(() -> store.batches.consume(records, store.dispatcher))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(records.get(2));
                    assertThat(e.getCause()).hasMessage("magasin indisponible");
                });

        assertThat(store.documents()).containsOnlyKeys("org-1");
        assertThat(store.documents().get("org-1")).containsEntry("name", "Avant, à jour")
                .doesNotContainKey("partial");
    }

    @Test
    void aDocumentChangedByAnotherInstanceMeanwhileIsSettledByTheSequences() {
        Store store = new Store();
        store.batches.consume(List.of(record("org-1", 1, "Premier")), store.dispatcher);
        // Another instance (during a rebalance) applies sequence 3 while this batch holds 2 and 4 in memory.
        store.whileApplying = () -> store.collection().updateOne(Filters.eq("_id", "org-1"),
                Updates.combine(Updates.set("name", "Troisième, par l'autre instance"),
                        Updates.set(IdempotentUpdates.APPLIED + ".org-1", 3L)));

        store.batches.consume(List.of(record("org-1", 2, "Deuxième"), record("org-1", 4, "Quatrième"),
                record("org-2", 1, "Nouvelle")), store.dispatcher);

        assertThat(store.documents().get("org-1")).containsEntry("name", "Quatrième")
                .containsEntry(IdempotentUpdates.APPLIED, new Document("org-1", 4L));
        assertThat(store.documents().get("org-2")).containsEntry("name", "Nouvelle");
    }

    /** A read model of organization names on a fresh database, fed through the kit's updates. */
    private final class Store {

        final MongoTemplate mongo = new MongoTemplate(CLIENT, "batches-" + UUID.randomUUID().toString().substring(0, 8));
        final IdempotentUpdates updates = new IdempotentUpdates(mongo);
        final EventBatches batches = new EventBatches(incoming, updates);
        final List<String> applied = new ArrayList<>();
        String failOn;
        Runnable whileApplying;
        final EventDispatcher dispatcher = EventDispatcher.builder()
                .on(OrganizationRegistered.class, this::apply)
                .reads(OrganizationRegistered.class, NAMES, OrganizationRegistered::organizationId)
                .build();

        private void apply(IncomingEvent event, OrganizationRegistered registered) {
            if (registered.organizationId().equals(failOn)) {
                updates.applyIfNewer(NAMES, "org-1", event, new Update().set("partial", true));
                throw new IllegalStateException("magasin indisponible");
            }
            if (whileApplying != null) {
                Runnable once = whileApplying;
                whileApplying = null;
                once.run();
            }
            if (updates.applyIfNewer(NAMES, registered.organizationId(), event,
                    new Update().set("name", registered.legalName()))) {
                applied.add(registered.organizationId() + "#" + event.sequence());
            }
        }

        com.mongodb.client.MongoCollection<Document> collection() {
            return mongo.getCollection(NAMES);
        }

        Map<String, Document> documents() {
            Map<String, Document> documents = new TreeMap<>();
            collection().find().forEach(d -> documents.put(d.getString("_id"), d));
            return documents;
        }
    }

    private ConsumerRecord<String, byte[]> record(String id, long sequence, String name) {
        ProducerRecord<String, byte[]> produced = TestEvents.record(OffsetDateTime.now(), Topics.MEMBERSHIP,
                UUID.randomUUID().toString(), TYPE, id, sequence, """
                        {"organizationId": "%s", "legalName": "%s", "neq": "1234567890", "legalForm": "OBNL",
                         "regionCode": "05", "sectorCodes": []}""".formatted(id, name));
        return new ConsumerRecord<>(produced.topic(), 0, offset++, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, produced.key(), produced.value(), produced.headers(),
                Optional.empty());
    }
}
