package qc.esac.insurance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esac.insurance.*} (a class rather than a record: records here stay free of Spring).
 */
@ConfigurationProperties("esac.insurance")
public class InsuranceProperties {

    private final String networkId;

    /** @param networkId the network whose association runs the plan: only its members in good standing may join */
    public InsuranceProperties(String networkId) {
        this.networkId = networkId == null || networkId.isBlank() ? "aacocq" : networkId;
    }

    public String networkId() {
        return networkId;
    }
}
