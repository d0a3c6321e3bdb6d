package qc.esac.kit.access;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.IncomingEvents;
import qc.esac.kit.messaging.MessagingAutoConfiguration;
import qc.esac.kit.security.EsacSecurityAutoConfiguration;
import qc.esac.kit.security.EsacUserResolver;

/**
 * The platform's grants, counted in every request's user: {@code esac.access.grants-read-model.enabled=true}
 * keeps a {@link GrantsReadModel} from membership's events (training, insurance, projects); a service that holds
 * the register itself (membership) declares its own {@link GrantSource} bean instead.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class, before = EsacSecurityAutoConfiguration.class)
public class AccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(GrantSource.class)
    @ConditionalOnProperty(name = "esac.access.grants-read-model.enabled", havingValue = "true")
    GrantsReadModel grantsReadModel(MongoTemplate mongo, IdempotentUpdates updates) {
        return new GrantsReadModel(mongo, updates);
    }

    @Bean
    @ConditionalOnBean(GrantsReadModel.class)
    AccessEventsListener accessEventsListener(IncomingEvents events, GrantsReadModel grants) {
        return new AccessEventsListener(events, grants);
    }

    @Bean
    @ConditionalOnBean(GrantSource.class)
    @ConditionalOnMissingBean(EsacUserResolver.class)
    EsacUserResolver esacAccessResolver(GrantSource grants) {
        return new AccessResolver(grants)::resolve;
    }
}
