package qc.esac.kit.access;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
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
 * the register itself (membership) declares its own {@link GrantSource} bean instead, and publishes
 * {@link GrantsChanged} when it changes a person's grants. Either is read through {@link RecentGrants}:
 * {@code esac.access.cache.ttl} (default 1 s; 0 reads the store on every request) bounds how long a change made by
 * another instance takes to count, {@code esac.access.cache.max-people} (default 10,000) the memory.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class, before = EsacSecurityAutoConfiguration.class)
public class AccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(GrantSource.class)
    @ConditionalOnProperty(name = "esac.access.grants-read-model.enabled", havingValue = "true")
    GrantsReadModel grantsReadModel(MongoTemplate mongo, IdempotentUpdates updates,
                                    ApplicationEventPublisher changes) {
        return new GrantsReadModel(mongo, updates, changes);
    }

    @Bean
    @ConditionalOnBean(GrantsReadModel.class)
    AccessEventsListener accessEventsListener(IncomingEvents events, GrantsReadModel grants) {
        return new AccessEventsListener(events, grants);
    }

    @Bean
    @ConditionalOnBean(GrantSource.class)
    @ConditionalOnMissingBean
    RecentGrants recentGrants(GrantSource grants, @Value("${esac.access.cache.ttl:1s}") Duration ttl,
                              @Value("${esac.access.cache.max-people:10000}") long maxPeople) {
        return new RecentGrants(grants, ttl, maxPeople);
    }

    @Bean
    @ConditionalOnBean(GrantSource.class)
    @ConditionalOnMissingBean(EsacUserResolver.class)
    EsacUserResolver esacAccessResolver(RecentGrants grants) {
        return new AccessResolver(grants::activeGrantsOf)::resolve;
    }
}
