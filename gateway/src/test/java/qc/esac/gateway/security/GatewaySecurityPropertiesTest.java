package qc.esac.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

class GatewaySecurityPropertiesTest {

    @Test
    void publicRoutesAreMethodAndPattern() {
        GatewaySecurityProperties properties = new GatewaySecurityProperties(
                List.of("GET /api/training/catalogue/**", " post   /api/insurance/needs-assessments "), null, null);
        assertThat(properties.parsedPublicRoutes()).containsExactly(
                new GatewaySecurityProperties.PublicRoute(HttpMethod.GET, "/api/training/catalogue/**"),
                new GatewaySecurityProperties.PublicRoute(HttpMethod.POST, "/api/insurance/needs-assessments"));
    }

    @Test
    void aMalformedEntryStopsTheGatewayInsteadOfOpeningAHole() {
        GatewaySecurityProperties properties = new GatewaySecurityProperties(List.of("/api/training/**"), null, null);
        assertThatThrownBy(properties::parsedPublicRoutes).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("METHOD /path");
    }

    @Test
    void emptyOriginsMeanNoCrossOriginAccess() {
        assertThat(new GatewaySecurityProperties(null, null, new GatewaySecurityProperties.Cors(List.of(" ", ""),
                null)).cors().allowedOrigins()).isEmpty();
    }
}
