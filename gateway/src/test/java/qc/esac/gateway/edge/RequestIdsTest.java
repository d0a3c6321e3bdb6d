package qc.esac.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void saneIdsAreKeptOthersReplaced() {
        assertThat(RequestIds.acceptOrCreate("web-1234.abc:2")).isEqualTo("web-1234.abc:2");
        assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
        assertThat(RequestIds.acceptOrCreate("a b")).isNotEqualTo("a b");
        assertThat(RequestIds.acceptOrCreate("x\r\nSet-Cookie: y")).doesNotContain("\n");
        assertThat(RequestIds.acceptOrCreate("x".repeat(129))).hasSize(36);
    }

    @Test
    void newIdsAreDistinctRandomUuids() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            java.util.UUID id = java.util.UUID.fromString(RequestIds.acceptOrCreate(null));
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id.toString());
        }
        assertThat(ids).hasSize(1000);
    }
}
