package qc.esac.fault;

import qc.esac.demo.ClientCredentials;
import qc.esac.local.KafkaTopics;
import qc.esac.local.LocalAddresses;
import qc.esac.local.LocalOptions;
import qc.esac.local.LocalStack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole platform for the fault suite: infra/local's {@link LocalStack} (the same launcher as
 * {@code start.sh} and the benchmarks), the components reaching a 3-broker cluster whose nodes run in JVMs of
 * their own ({@link BrokerCluster}: three replicas, two in sync, as in production; a node can be killed) and the
 * store through a {@link StallingProxy}. (LocalStack's own single broker in this JVM stays unused.) The gateway's per-caller quotas are
 * raised so that the driver's steady stream is never refused for its rate.
 */
final class FaultStack implements AutoCloseable {

    static final String[] SERVICES = {"membership-service", "training-service", "insurance-service",
            "projects-service"};
    private static final String UNLIMITED = "1000000";

    private final LocalStack stack;
    private final BrokerCluster brokers;
    private final StallingProxy store;
    /** The demo loader's client (staff of every network), renewed before its token expires. */
    private final ClientCredentials token;

    private FaultStack(LocalStack stack, BrokerCluster brokers, StallingProxy store, ClientCredentials token) {
        this.stack = stack;
        this.brokers = brokers;
        this.store = store;
        this.token = token;
    }

    /** {@code jar}: this suite's executable jar, which also runs each Kafka node. */
    static FaultStack start(Path root, Path jar, int portOffset, Duration timeout) throws IOException {
        Path data = Files.createTempDirectory("esac-fault");
        Map<String, String> env = new HashMap<>();
        for (String group : new String[]{"MEMBERSHIP", "TRAINING", "INSURANCE", "PROJECTS"}) {
            env.put("ESAC_GATEWAY_RATELIMIT_GROUPS_" + group + "_REPLENISHRATE", UNLIMITED);
            env.put("ESAC_GATEWAY_RATELIMIT_GROUPS_" + group + "_BURSTCAPACITY", UNLIMITED);
        }
        env.put("ESAC_GATEWAY_RATELIMIT_FALLBACK_REPLENISHRATE", UNLIMITED);
        env.put("ESAC_GATEWAY_RATELIMIT_FALLBACK_BURSTCAPACITY", UNLIMITED);
        env.put("ESAC_IDENTITY_ACCESS_TOKEN_LIFETIME", "12h");
        StallingProxy proxy = StallingProxy.open();
        LocalStack stack = new LocalStack(LocalOptions.defaults().withDataDirectory(data).withPorts(0, 0),
                root, portOffset, env);
        BrokerCluster brokers = BrokerCluster.of(jar, data, stack.logDirectory());
        // Closed by the JVM's end too (from before the first start): no component or broker JVM outlives the
        // suite, even on Ctrl-C while the stack starts.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            brokers.close();
        }, "fault-stack-stop"));
        stack.infrastructureAsSeenByComponents(real -> {
            proxy.forwardTo(URI.create(real.mongoConnectionString()).getPort());
            return new LocalAddresses(brokers.bootstrapServers(), "mongodb://127.0.0.1:" + proxy.port(),
                    real.dataDirectory());
        });
        try {
            // The three together: a node is up only once a quorum of controllers is.
            brokers.start(1, 2, 3);
            KafkaTopics.apply(brokers.bootstrapServers(), BrokerCluster.NODES);
            stack.start(timeout);
            ClientCredentials staff = ClientCredentials.demoLoader(stack.process("identity").uri("/"));
            staff.get(); // the first token now: a stack that cannot issue one fails here, not mid-run
            return new FaultStack(stack, brokers, proxy, staff);
        } catch (RuntimeException e) {
            stack.close();
            brokers.close();
            proxy.close();
            throw e;
        }
    }


    String token() {
        return token.get();
    }

    URI uri(String component, String path) {
        return stack.process(component).uri(path);
    }

    String kafka() {
        return brokers.bootstrapServers();
    }

    BrokerCluster brokers() {
        return brokers;
    }

    StallingProxy store() {
        return store;
    }

    LocalStack stack() {
        return stack;
    }

    Path logs() {
        return stack.logDirectory();
    }

    @Override
    public void close() {
        stack.close();
        brokers.close();
        store.close();
    }
}
