package qc.esac.projects.project;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The programme the service runs: whose network's staff are its staff. */
@Configuration(proxyBeanMethods = false)
class ProgrammeConfiguration {

    @Bean
    ProjectAccess projectAccess(@Value("${esac.projects.programme-network-id}") String programmeNetworkId) {
        return new ProjectAccess(programmeNetworkId);
    }
}
