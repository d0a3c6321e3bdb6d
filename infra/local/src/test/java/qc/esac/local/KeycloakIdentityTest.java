package qc.esac.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class KeycloakIdentityTest {

    @Test
    void theVersionIsTheRootPomsOne() throws IOException {
        // Filtered into the build from the root pom (an unfiltered placeholder would start no Keycloak at all).
        String pom = Files.readString(Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."))
                .resolve("pom.xml"));
        assertThat(KeycloakIdentity.VERSION).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(pom).contains("<keycloak.version>" + KeycloakIdentity.VERSION + "</keycloak.version>");
    }
}
