package qc.esac.local;

import java.nio.file.Path;

/** Where the running stack can be reached: what services put in their configuration. */
public record LocalAddresses(String kafkaBootstrapServers, String mongoConnectionString, Path dataDirectory) {
}
