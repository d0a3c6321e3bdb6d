package qc.esac.kit.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the kit's web tests: all of them run in one {@link KitTestApplication} context, since the
 * annotations and the dynamic properties (part of the context cache key) are declared once, here.
 */
@SpringBootTest(classes = KitTestApplication.class)
@AutoConfigureMockMvc
public abstract class KitWebTest {

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestJwts::publicKeyLocation);
    }
}
