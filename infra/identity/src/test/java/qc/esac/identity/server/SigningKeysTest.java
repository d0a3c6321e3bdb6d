package qc.esac.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @Test
    void keyFileIsCreatedOnceAndReusedSoTokensSurviveARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cles/signature.pem");
        RSAKey first = SigningKeys.load(file);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        RSAKey again = SigningKeys.load(file);
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(again.isPrivate()).isTrue();
    }

    @Test
    void withoutAFileEachStartHasItsOwnKey() {
        assertThat(SigningKeys.load(null).getKeyID()).isNotEqualTo(SigningKeys.load(null).getKeyID());
    }
}
