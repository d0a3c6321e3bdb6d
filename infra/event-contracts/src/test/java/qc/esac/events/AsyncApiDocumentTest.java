package qc.esac.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document says what the catalog says: every topic, every event type, valid references. */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "asyncapi.yaml";
    private static final List<String> TOPICS = List.of(Topics.MEMBERSHIP, Topics.TRAINING, Topics.INSURANCE, Topics.PROJECTS);

    private static JsonNode doc;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = resource(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            doc = YAMLMapper.builder().build().readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3DocumentWithInfo() {
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.1.0");
        assertThat(doc.at("/info/title").asString()).isNotBlank();
        assertThat(doc.at("/info/version").asString()).isNotBlank();
        assertThat(doc.at("/info/description").asString()).contains("ce_subject", "ce_" + CloudEventAttributes.SEQUENCE);
    }

    @Test
    void hasOneChannelPerTopicAndItsDeadLetterTopicWithSendAndReceiveOperationsForEach() {
        List<String> deadLetters = TOPICS.stream().map(Topics::deadLetterOf).toList();
        assertThat(channelsByAddress().keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(TOPICS.stream(), deadLetters.stream()).toList());
        Set<String> sentTo = new HashSet<>();
        Set<String> receivedFrom = new HashSet<>();
        doc.path("operations").forEach(operation -> {
            String address = resolve(operation.path("channel")).path("address").asString();
            (operation.path("action").asString().equals("send") ? sentTo : receivedFrom).add(address);
        });
        assertThat(sentTo).containsExactlyInAnyOrderElementsOf(channelsByAddress().keySet());
        assertThat(receivedFrom).containsExactlyInAnyOrderElementsOf(channelsByAddress().keySet());
    }

    @Test
    void partnersReadThePublicTopicsWithATokenAndNeverTheDeadLetters() {
        doc.path("operations").forEach(operation -> {
            String address = resolve(operation.path("channel")).path("address").asString();
            boolean partnerRead = operation.path("action").asString().equals("receive") && TOPICS.contains(address);
            assertThat(operation.at("/security/0/$ref").asString()).as(address)
                    .isEqualTo(partnerRead ? "#/components/securitySchemes/partnerToken" : "");
        });
        doc.path("channels").forEach(channel -> {
            List<String> servers = new ArrayList<>();
            channel.path("servers").forEach(server -> servers.add(server.path("$ref").asString()));
            assertThat(servers).as(channel.path("address").asString()).isEqualTo(
                    channel.path("address").asString().endsWith(Topics.DEAD_LETTER_SUFFIX)
                            ? List.of("#/servers/internal")
                            : List.of("#/servers/local", "#/servers/production", "#/servers/internal"));
        });
        assertThat(doc.at("/components/securitySchemes/partnerToken/scopes/0").asString()).isEqualTo("events.read");
    }

    @Test
    void everyCatalogTypeHasItsMessageInTheChannelOfItsTopic() {
        Map<String, JsonNode> channels = channelsByAddress();
        for (EventDescriptor descriptor : EventCatalog.all()) {
            JsonNode channel = channels.get(descriptor.topic());
            assertThat(channel).as("channel for " + descriptor.topic()).isNotNull();
            List<JsonNode> messages = new ArrayList<>();
            channel.path("messages").forEach(ref -> messages.add(resolve(ref)));
            assertThat(messages).as(descriptor.topic() + " messages")
                    .filteredOn(m -> m.path("name").asString().equals(descriptor.type()))
                    .singleElement()
                    .satisfies(message -> assertDescribes(message, descriptor));
        }
    }

    @Test
    void everyMessageIsACatalogType() {
        doc.at("/components/messages").properties().stream().filter(m -> !m.getKey().equals("deadLetter"))
                .map(java.util.Map.Entry::getValue).forEach(message ->
                assertThat(EventCatalog.byType(message.path("name").asString()))
                        .as("catalog entry for message " + message.path("name")).isPresent());
    }

    @Test
    void operationsOnlyListMessagesOfTheirChannel() {
        doc.path("operations").properties().forEach(operation -> {
            String channelRef = operation.getValue().at("/channel/$ref").asString();
            operation.getValue().path("messages").forEach(message -> assertThat(message.path("$ref").asString())
                    .as(operation.getKey()).startsWith(channelRef + "/messages/"));
        });
    }

    @Test
    void headersListTheCloudEventsAttributes() {
        JsonNode headers = doc.at("/components/schemas/CloudEventHeaders");
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(name -> required.add(name.asString()));

        assertThat(required).containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source", "ce_type",
                "ce_subject", "ce_time", "content-type", "ce_dataschema", "ce_" + CloudEventAttributes.SEQUENCE);
        assertThat(headers.path("properties").propertyNames()).containsAll(required)
                .contains(CloudEventAttributes.TRACEPARENT);
        assertThat(headers.at("/properties/content-type/const").asString())
                .isEqualTo(CloudEventAttributes.DATA_CONTENT_TYPE);
    }

    @Test
    void examplePayloadsAreValidEventData() {
        doc.at("/components/messages").forEach(message -> message.path("examples").forEach(example -> {
            // (the dead-letter message has no examples: its payload is whatever could not be processed)
            assertThat(EventSchemas.violations(message.path("name").asString(), example.path("payload")))
                    .as("example " + example.path("name") + " of " + message.path("name")).isEmpty();
            assertThat(example.at("/headers/ce_type").asString()).isEqualTo(message.path("name").asString());
        }));
    }

    @Test
    void everyReferenceResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String ref : references(doc, new ArrayList<>())) {
            if (ref.startsWith("#")) {
                if (doc.at(ref.substring(1)).isMissingNode()) {
                    broken.add(ref);
                }
            } else if (!resourceResolves(ref)) {
                broken.add(ref);
            }
        }
        assertThat(broken).as("unresolvable $ref in " + DOCUMENT).isEmpty();
    }

    private static void assertDescribes(JsonNode message, EventDescriptor descriptor) {
        assertThat(message.at("/payload/$ref").asString()).isEqualTo("./" + descriptor.schemaPath());
        JsonNode specific = message.at("/headers/allOf/1/properties");
        assertThat(specific.at("/ce_type/const").asString()).isEqualTo(descriptor.type());
        assertThat(specific.at("/ce_source/const").asString()).isEqualTo(descriptor.source().toString());
        assertThat(specific.at("/ce_dataschema/const").asString()).isEqualTo(descriptor.dataSchema().toString());
        assertThat(message.at("/headers/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/CloudEventHeaders");
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new TreeMap<>();
        doc.path("channels").forEach(channel -> channels.put(channel.path("address").asString(), channel));
        return channels;
    }

    /** Follows local references ("#/...") until a node that is not a reference. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            assertThat(ref).as("local reference").startsWith("#/");
            current = doc.at(ref.substring(1));
            assertThat(current.isMissingNode()).as(ref + " resolves").isFalse();
        }
        return current;
    }

    private static List<String> references(JsonNode node, List<String> found) {
        if (node.has("$ref")) {
            found.add(node.get("$ref").asString());
        }
        node.forEach(child -> references(child, found));
        return found;
    }

    /** A relative reference names a resource next to the document, optionally with a JSON pointer. */
    private static boolean resourceResolves(String ref) throws IOException {
        String[] parts = ref.split("#", 2);
        String path = parts[0].startsWith("./") ? parts[0].substring(2) : parts[0];
        try (InputStream in = resource(path)) {
            if (in == null) {
                return false;
            }
            JsonNode target = JsonMapper.shared().readTree(in);
            return parts.length == 1 || parts[1].isEmpty() || !target.at(parts[1]).isMissingNode();
        }
    }

    private static InputStream resource(String path) {
        return AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(path);
    }
}
