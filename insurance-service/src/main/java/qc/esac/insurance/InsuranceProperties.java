package qc.esac.insurance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esac.insurance.*}.
 *
 * @param networkId the network whose association runs the plan: only its members in good standing may join
 */
@ConfigurationProperties("esac.insurance")
public record InsuranceProperties(String networkId) {

    public InsuranceProperties {
        if (networkId == null || networkId.isBlank()) {
            networkId = "aacocq";
        }
    }
}
