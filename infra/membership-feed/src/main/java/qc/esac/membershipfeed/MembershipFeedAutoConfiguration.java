package qc.esac.membershipfeed;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.kit.messaging.IdempotentUpdates;
import qc.esac.kit.messaging.MessagingAutoConfiguration;

/** The membership read models of the service that has this library, in the service's own database. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
public class MembershipFeedAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KnownOrganizations knownOrganizations(MongoTemplate mongo, IdempotentUpdates updates) {
        return new KnownOrganizations(mongo, updates);
    }

    @Bean
    @ConditionalOnMissingBean
    MembershipStandings membershipStandings(MongoTemplate mongo, IdempotentUpdates updates) {
        return new MembershipStandings(mongo, updates);
    }

    @Bean
    @ConditionalOnMissingBean
    Roster membershipRoster(MongoTemplate mongo, IdempotentUpdates updates) {
        return new Roster(mongo, updates);
    }

    @Bean
    @ConditionalOnMissingBean
    MembershipFeed membershipFeed(KnownOrganizations organizations, MembershipStandings standings, Roster roster) {
        return new MembershipFeed(organizations, standings, roster);
    }
}
