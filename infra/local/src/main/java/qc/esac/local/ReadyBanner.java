package qc.esac.local;

import java.lang.management.ManagementFactory;

/** What the console says once everything is ready. */
final class ReadyBanner {

    private ReadyBanner() {
    }

    static void infrastructure(LocalAddresses addresses) {
        System.out.println("Kafka bootstrap servers: " + addresses.kafkaBootstrapServers());
        System.out.println("MongoDB connection string: " + addresses.mongoConnectionString());
        System.out.println("Data directory: " + addresses.dataDirectory());
        System.out.printf("ESAC local infrastructure ready in %.1f s (Ctrl-C to stop)%n", uptimeSeconds());
    }

    static void stack(LocalStack stack) {
        LocalAddresses addresses = stack.infrastructureAddresses();
        String gateway = "http://127.0.0.1:" + LocalStack.GATEWAY_PORT;
        System.out.println();
        System.out.println("Gateway:        " + gateway);
        System.out.println("API docs:       " + gateway + "/swagger-ui.html");
        System.out.println("Identity:       http://127.0.0.1:" + LocalStack.IDENTITY_PORT);
        System.out.println("Kafka:          " + addresses.kafkaBootstrapServers());
        System.out.println("MongoDB:        " + addresses.mongoConnectionString());
        System.out.println("Data and logs:  " + addresses.dataDirectory() + " (logs in " + stack.logDirectory() + ")");
        System.out.printf("ESAC platform ready in %.1f s, %d MiB resident in all (Ctrl-C to stop)%n",
                uptimeSeconds(), stack.residentKib() / 1024);
    }

    /** JVM uptime, so the figure includes class loading and everything before main. */
    private static double uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }
}
