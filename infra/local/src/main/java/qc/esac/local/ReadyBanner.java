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
        String gateway = base(stack.process("gateway"));
        System.out.println();
        System.out.println("Gateway:        " + gateway);
        System.out.println("Web portal:     " + gateway + "/");
        System.out.println("API docs:       " + gateway + "/swagger-ui.html");
        String identity = stack.issuer();
        String tokenEndpoint = stack.keycloak() ? identity + "/protocol/openid-connect/token" : identity + "/oauth2/token";
        System.out.println("Identity:       " + identity + (stack.keycloak() ? " (Keycloak)" : "")
                + " (demo accounts: infra/identity/README.md, password esac-demo)");
        System.out.println("Kafka:          " + addresses.kafkaBootstrapServers());
        System.out.println("MongoDB:        " + addresses.mongoConnectionString());
        System.out.println("Data and logs:  " + addresses.dataDirectory() + " (logs in " + stack.logDirectory() + ")");
        System.out.println("A staff token:  curl -s -u esac-chargement-demo:chargement-demo-secret"
                + " -d grant_type=client_credentials " + tokenEndpoint);
        System.out.println("A partner token: curl -s -u partenaire-demo:partenaire-demo-secret"
                + " -d grant_type=client_credentials " + tokenEndpoint);
        System.out.printf("ESAC platform ready in %.1f s, %d MiB resident in all (Ctrl-C to stop)%n",
                uptimeSeconds(), stack.residentKib() / 1024);
    }

    private static String base(ManagedProcess process) {
        String uri = process.uri("/").toString();
        return uri.substring(0, uri.length() - 1);
    }

    /** JVM uptime, so the figure includes class loading and everything before main. */
    private static double uptimeSeconds() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    }
}
