package qc.esac.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import qc.esac.kit.support.KitWebTest;

/**
 * Spring Security's observations are off at the source, not only filtered out: no decorator wraps the filters of
 * every request (it cost about 2 % of a create's CPU while each observation it made was discarded).
 */
class SecurityObservationsTest extends KitWebTest {

    @Autowired
    FilterChainProxy filterChainProxy;

    @Test
    void theFilterChainIsNotDecoratedWithObservations() {
        Object decorator = ReflectionTestUtils.getField(filterChainProxy, "filterChainDecorator");
        assertThat(decorator).isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
