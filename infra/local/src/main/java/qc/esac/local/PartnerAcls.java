package qc.esac.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * What a partner may do on the broker (the authorizer denies everything else): read and describe the public event
 * topics, and use consumer groups named {@code <client id>.<anything>}. No write, no dead-letter topic, no other
 * partner's groups. Applied through the internal listener, whose principal is a super user; safe to apply again.
 */
public final class PartnerAcls {

    private PartnerAcls() {
    }

    /** The public topics: the declared ones that are not dead-letter topics. */
    public static List<String> publicTopics() {
        return KafkaTopics.declared().stream().map(KafkaTopics.Topic::name).filter(name -> !name.endsWith(".DLT"))
                .toList();
    }

    static List<AclBinding> bindings(String partner) {
        String principal = "User:" + partner;
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : publicTopics()) {
            for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
                bindings.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
            }
        }
        bindings.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, partner + ".", PatternType.PREFIXED),
                new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
        return bindings;
    }

    public static void apply(String internalBootstrapServers, List<String> partners) {
        List<AclBinding> bindings = partners.stream().flatMap(p -> bindings(p).stream()).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrapServers))) {
            admin.createAcls(bindings).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the partners' ACLs", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
