package qc.esac.kit.docs;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import qc.esac.kit.idempotency.IdempotencyProperties;
import qc.esac.kit.security.EsacSecurityProperties;
import qc.esac.kit.security.EsacUser;

/** The OpenAPI document's shared parts (see the package description). */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, GlobalOpenApiCustomizer.class})
@EnableConfigurationProperties(EsacSecurityProperties.class)
public class EsacDocsAutoConfiguration {

    static {
        // The signed-in caller comes from the token (EsacUserArgumentResolver), never from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(EsacUser.class);
    }

    @Bean
    @ConditionalOnMissingBean
    ApiResponsesCustomizer esacApiResponsesCustomizer(ObjectProvider<IdempotencyProperties> idempotency) {
        // Looked up per operation: the idempotency filter is there only in services with a store.
        return new ApiResponsesCustomizer(method -> {
            IdempotencyProperties properties = idempotency.getIfAvailable();
            return properties != null && properties.appliesTo(method);
        });
    }

    @Bean
    @ConditionalOnMissingBean
    PublicOperations esacPublicOperations(EsacSecurityProperties security) {
        return new PublicOperations(security);
    }
}
