package qc.esac.local;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.auth.SaslExtensionsCallback;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kafka client login that presents the token in its JAAS option {@code token} as it is, unchecked: how the tests
 * offer the broker tokens that a real client would not even send (expired, forged).
 */
public class FixedTokenLogin implements AuthenticateCallbackHandler {

    private String token;

    static String jaas(String token) {
        return "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token=\"" + token + "\";";
    }

    @Override
    public void configure(Map<String, ?> configs, String mechanism, List<AppConfigurationEntry> jaasEntries) {
        token = (String) jaasEntries.get(0).getOptions().get("token");
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
                long now = System.currentTimeMillis();
                tokenCallback.token(new OAuthBearerToken() {
                    public String value() { return token; }
                    public Set<String> scope() { return Set.of(); }
                    public long lifetimeMs() { return now + 3_600_000; }
                    public String principalName() { return "test"; }
                    public Long startTimeMs() { return now; }
                });
            } else if (!(callback instanceof SaslExtensionsCallback)) {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public void close() {
    }
}
