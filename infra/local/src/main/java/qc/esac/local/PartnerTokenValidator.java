package qc.esac.local;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Kafka's own JWT validation (signature against the issuer's JWKS, {@code iss}, {@code aud}, {@code exp}), plus the
 * one check Kafka leaves to the application: the token must carry the {@value #REQUIRED_SCOPE} scope, so that a token
 * of the same issuer given for another purpose (a person's, or a partner's without event access) opens no session.
 */
public class PartnerTokenValidator implements AuthenticateCallbackHandler {

    public static final String REQUIRED_SCOPE = "events.read";

    private OAuthBearerValidatorCallbackHandler kafka;
    private Map<String, ?> configs;
    private String mechanism;
    private List<AppConfigurationEntry> jaasEntries;

    @Override
    public void configure(Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> jaasEntries) {
        this.configs = configs; // (may hold null values: no Map.copyOf)
        this.mechanism = mechanism;
        this.jaasEntries = jaasEntries;
    }

    /**
     * Kafka's handler fetches the JWK set when configured, and fails if the issuer does not answer yet; locally the
     * issuer starts after the broker. So it is configured at the first partner connection (again at the next one if
     * the issuer was still down: that connection is refused meanwhile).
     */
    private synchronized OAuthBearerValidatorCallbackHandler kafka() {
        if (kafka == null) {
            OAuthBearerValidatorCallbackHandler handler = new OAuthBearerValidatorCallbackHandler();
            handler.configure(configs, mechanism, jaasEntries);
            kafka = handler;
        }
        return kafka;
    }

    @Override
    public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerValidatorCallback validation) {
                validate(validation);
            } else {
                kafka().handle(new Callback[] {callback});
            }
        }
    }

    private void validate(OAuthBearerValidatorCallback callback) throws IOException, UnsupportedCallbackException {
        OAuthBearerValidatorCallback checked = new OAuthBearerValidatorCallback(callback.tokenValue());
        try {
            kafka().handle(new Callback[] {checked});
        } catch (RuntimeException e) {
            callback.error("invalid_token", null, null); // the issuer's keys are not reachable yet
            return;
        }
        if (checked.token() == null) {
            callback.error(checked.errorStatus(), checked.errorScope(), checked.errorOpenIDConfiguration());
        } else if (!checked.token().scope().contains(REQUIRED_SCOPE)) {
            callback.error("insufficient_scope", REQUIRED_SCOPE, null);
        } else {
            callback.token(checked.token());
        }
    }

    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
