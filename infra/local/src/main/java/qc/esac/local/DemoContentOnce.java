package qc.esac.local;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qc.esac.demo.ClientCredentials;
import qc.esac.demo.DemoContent;
import qc.esac.demo.DemoLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Loads the demo content (infra/demo) through the gateway on the stack's first start, and records that it did
 * in the data directory: later starts leave the data as the user left it. A failed load is not recorded, so
 * the next start tries again (the loader is idempotent); the stack keeps running either way.
 */
final class DemoContentOnce {

    static final String MARKER = "demo-content.loaded";
    private static final Logger log = LoggerFactory.getLogger(DemoContentOnce.class);

    private DemoContentOnce() {
    }

    private static Supplier<String> fetchedOnce(Supplier<String> fetch) {
        String[] token = new String[1];
        return () -> token[0] != null ? token[0] : (token[0] = fetch.get());
    }

    /** @return whether the content is (now or already) loaded */
    static boolean load(LocalStack stack, Path dataDirectory) {
        Path marker = dataDirectory.resolve(MARKER);
        if (Files.exists(marker)) {
            return true;
        }
        System.out.println("Loading the demo content through the gateway (first start; --no-demo skips it)...");
        long started = System.nanoTime();
        try {
            Supplier<String> token = stack.keycloak()
                    ? fetchedOnce(() -> KeycloakIdentity.clientToken(stack.issuer(), ClientCredentials.LOADER_CLIENT,
                            ClientCredentials.LOADER_SECRET))
                    : ClientCredentials.demoLoader(stack.process("identity").uri("/"));
            DemoLoader.Report report = new DemoLoader(stack.process("gateway").uri("/"), token).load(DemoContent.load());
            double seconds = (System.nanoTime() - started) / 1e9;
            Files.writeString(marker, Instant.now() + " " + report + System.lineSeparator());
            System.out.printf("Demo content loaded in %.1f s: %s%n", seconds, report);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            log.error("The demo content could not be loaded (the next start tries again): {}", e.getMessage());
            return false;
        }
    }
}
