package qc.esac.kit.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * French-first messages: the service's bundles ({@code spring.messages.basename}, default
 * {@code messages}, optional) are read first, then the kit's {@code esac/kit-messages}. The base
 * files are French; {@code _en} files add English. No fallback to the JVM's locale, so a server
 * started in English still answers in French unless the client asks otherwise.
 */
@AutoConfiguration(before = {MessageSourceAutoConfiguration.class, ValidationAutoConfiguration.class})
public class EsacMessagesAutoConfiguration {

    /** The kit's own bundle, always last so that services can override any of its entries. */
    public static final String KIT_BASENAME = "esac/kit-messages";

    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME,
            search = SearchStrategy.CURRENT)
    ResourceBundleMessageSource messageSource(Environment environment) {
        List<String> basenames = new ArrayList<>(Binder.get(environment)
                .bind("spring.messages.basename", Bindable.listOf(String.class))
                .orElse(List.of("messages")));
        basenames.remove(KIT_BASENAME);
        // A service without bundles is normal: skip it rather than log a warning per locale.
        basenames.removeIf(basename -> !bundleExists(basename));
        basenames.add(KIT_BASENAME);
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static boolean bundleExists(String basename) {
        String path = basename.replace('.', '/');
        ClassLoader classLoader = EsacMessagesAutoConfiguration.class.getClassLoader();
        for (String suffix : new String[] {"", "_fr", "_fr_CA", "_en"}) {
            if (classLoader.getResource(path + suffix + ".properties") != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bean Validation messages come from the same bundles, in the request's language:
     * {@code jakarta.validation.constraints.NotBlank.message} and friends are in our bundle.
     */
    @Bean
    @ConditionalOnMissingBean(jakarta.validation.Validator.class)
    static LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(messageSource);
        return validator;
    }
}
