package qc.esac.insurance.privacy;

import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts personal information (dates of birth, salaries, dependants) before it is stored: AES-256-GCM with a
 * random IV per value, the key derived from configuration (Spring Security Crypto's {@code Encryptors.delux}).
 * Stored values are hex strings; reading one back needs the same key.
 */
@Component
public class PersonalDataCipher {

    private final TextEncryptor encryptor;
    private final JsonMapper json;

    /** The development key of application.yml: fine on a laptop, never with real people's data. */
    static final String DEVELOPMENT_PASSWORD = "local-development-key-not-secret";

    PersonalDataCipher(PrivacyProperties properties, JsonMapper json) {
        if (DEVELOPMENT_PASSWORD.equals(properties.encryptionPassword())) {
            LoggerFactory.getLogger(PersonalDataCipher.class).warn("Personal information is encrypted with the published "
                    + "development key: set INSURANCE_ENCRYPTION_PASSWORD and INSURANCE_ENCRYPTION_SALT before storing real data");
        }
        this.encryptor = Encryptors.delux(properties.encryptionPassword(), properties.encryptionSalt());
        this.json = json;
    }

    public <T> String seal(T value) {
        return encryptor.encrypt(json.writeValueAsString(value));
    }

    public <T> T open(String sealed, Class<T> type) {
        return json.readValue(encryptor.decrypt(sealed), type);
    }
}
