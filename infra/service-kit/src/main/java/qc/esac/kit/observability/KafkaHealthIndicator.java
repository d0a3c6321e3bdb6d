package qc.esac.kit.observability;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The broker's health, shown in {@code /actuator/health} (and so in alerts and dashboards) but deliberately not
 * in the readiness group: the outbox keeps events while the broker is away, so a broker outage must not take the
 * API out of rotation. Asks the cluster to describe itself with a short timeout, so a missing broker shows DOWN
 * within seconds rather than the client's default minute.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private AdminClient adminClient;

    /**
     * @param adminConfig the admin client configuration, typically {@code KafkaAdmin#getConfigurationProperties()}
     * @param timeout how long one check may wait for the broker
     */
    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        super("Kafka health check failed");
        this.adminConfig = withTimeouts(adminConfig, timeout);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = adminClient()
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes.size());
    }

    /** One client reused across checks (it reconnects by itself); created on first use. */
    private synchronized AdminClient adminClient() {
        if (adminClient == null) {
            adminClient = AdminClient.create(adminConfig);
        }
        return adminClient;
    }

    @Override
    public synchronized void destroy() {
        if (adminClient != null) {
            adminClient.close(Duration.ofSeconds(1));
            adminClient = null;
        }
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> config, Duration timeout) {
        Map<String, Object> copy = new HashMap<>(config);
        int millis = (int) timeout.toMillis();
        copy.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        copy.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        copy.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) millis);
        copy.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis);
        copy.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "esac-health");
        return copy;
    }
}
