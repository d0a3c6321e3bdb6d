package qc.esac.events;

import org.junit.jupiter.api.Test;
import qc.esac.events.membership.OrganizationRegistered;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE = EventCatalog.of(OrganizationRegistered.class).type();

    @Test
    void validJsonAsStringOrBytesIsReturnedParsed() {
        String json = JSON.writeValueAsString(EventSamples.ORGANIZATION_REGISTERED);

        assertThat(EventSchemas.validate(TYPE, json).path("neq").asString()).isEqualTo("1171234567");
        assertThat(EventSchemas.validate(TYPE, json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(JSON.readTree(json));
    }

    @Test
    void unknownPropertiesAreTolerated() {
        ObjectNode data = JSON.valueToTree(EventSamples.ORGANIZATION_REGISTERED);
        data.put("websiteUrl", "https://vieux-moulin.coop");

        assertThat(EventSchemas.violations(TYPE, data)).isEmpty();
    }

    @Test
    void theIllustrativeFlagOfAnOrganizationIsOptionalNullableAndBoolean() {
        String updated = EventCatalog.of(qc.esac.events.membership.OrganizationUpdated.class).type();
        for (String type : List.of(TYPE, updated)) {
            ObjectNode data = JSON.valueToTree(type.equals(TYPE) ? EventSamples.ORGANIZATION_REGISTERED
                    : MembershipEventSamples.ORGANIZATION_UPDATED);
            data.put("illustrative", true);
            assertThat(EventSchemas.violations(type, data)).as(type + " flagged").isEmpty();
            data.putNull("illustrative");
            assertThat(EventSchemas.violations(type, data)).as(type + " null").isEmpty();
            data.remove("illustrative");
            assertThat(EventSchemas.violations(type, data)).as(type + " as published before the flag").isEmpty();
            data.put("illustrative", "oui");
            assertThat(EventSchemas.violations(type, data)).as(type + " not a boolean").isNotEmpty();
        }
        // Publishers built against the shape before the flag still compile and send no flag.
        assertThat(new OrganizationRegistered("org-1", "X", "1171234567", "OBNL", "03", List.of()).illustrative())
                .isNull();
    }

    @Test
    void invalidJsonStringIsRejectedWithItsViolations() {
        String json = """
                {"organizationId":"org-1","legalName":"X","neq":"12","legalForm":"OBNL","regionCode":"03","sectorCodes":[1]}
                """;

        assertThatThrownBy(() -> EventSchemas.validate(TYPE, json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .hasSize(2)
                        .anySatisfy(v -> assertThat(v).startsWith("$.neq"))
                        .anySatisfy(v -> assertThat(v).startsWith("$.sectorCodes[0]")));
    }

    @Test
    void unparseableJsonIsAnInvalidEvent() {
        for (String broken : List.of("{\"organizationId\":", "{} trailing", "not json")) {
            assertThatThrownBy(() -> EventSchemas.validate(TYPE, broken.getBytes(StandardCharsets.UTF_8)))
                    .as(broken)
                    .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                            .singleElement().asString().startsWith("$: not valid JSON"));
        }
    }

    @Test
    void missingDataIsAnInvalidEvent() {
        for (byte[] empty : new byte[][] {null, new byte[0], " ".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> EventSchemas.validate(TYPE, empty))
                    .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                            .containsExactly("$: no event data"));
        }
        assertThatThrownBy(() -> EventSchemas.validate(TYPE, "null"))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void unknownTypeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventSchemas.validate("qc.esac.membership.no-such-event.v1", "{}"))
                .withMessageContaining("qc.esac.membership.no-such-event.v1");
    }

    @Test
    void schemasAreSharedSafelyBetweenThreads() throws Exception {
        EventDescriptor descriptor = EventCatalog.of(OrganizationRegistered.class);
        byte[] valid = JSON.writeValueAsBytes(EventSamples.ORGANIZATION_REGISTERED);
        ObjectNode invalid = JSON.valueToTree(EventSamples.ORGANIZATION_REGISTERED);
        invalid.put("regionCode", "00");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> checks = IntStream.range(0, 200).<Callable<Integer>>mapToObj(i -> () -> {
                EventSchemas.validate(descriptor, valid);
                return EventSchemas.violations(descriptor, invalid).size();
            }).toList();
            for (Future<Integer> result : pool.invokeAll(checks)) {
                assertThat(result.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(EventSchemas.schemaDocument(descriptor)).isEqualTo(EventSchemas.schemaDocument(descriptor));
    }

    @Test
    void exceptionMessageSummarisesTheViolations() {
        InvalidEventException e = new InvalidEventException("t.v1", List.of("$.a: bad", "$.b: worse"));

        assertThat(e.getMessage()).isEqualTo("Invalid data for event type t.v1 (2 violations): $.a: bad; $.b: worse");
        assertThatIllegalArgumentException().isThrownBy(() -> new InvalidEventException("t.v1", List.of()));
    }
}
