package qc.esac.insurance.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esac.insurance.privacy.*}: the key that encrypts personal information at rest, from the environment
 * ({@code INSURANCE_ENCRYPTION_PASSWORD}, {@code INSURANCE_ENCRYPTION_SALT}). The service does not start with a
 * missing or weak one; application.yml defaults to a published development key (with a warning).
 */
@ConfigurationProperties("esac.insurance.privacy")
public class PrivacyProperties {

    private final String encryptionPassword;
    private final String encryptionSalt;

    /**
     * @param encryptionPassword secret the AES-256 key is derived from (PBKDF2), 16 characters at least
     * @param encryptionSalt     hex-encoded salt of the derivation, 8 bytes at least
     */
    public PrivacyProperties(String encryptionPassword, String encryptionSalt) {
        if (encryptionPassword == null || encryptionPassword.length() < 16) {
            throw new IllegalStateException("esac.insurance.privacy.encryption-password (INSURANCE_ENCRYPTION_PASSWORD) "
                    + "must be set, 16 characters at least");
        }
        if (encryptionSalt == null || !encryptionSalt.matches("([0-9a-fA-F]{2}){8,}")) {
            throw new IllegalStateException("esac.insurance.privacy.encryption-salt (INSURANCE_ENCRYPTION_SALT) "
                    + "must be set, hex, 8 bytes at least");
        }
        this.encryptionPassword = encryptionPassword;
        this.encryptionSalt = encryptionSalt;
    }

    public String encryptionPassword() {
        return encryptionPassword;
    }

    public String encryptionSalt() {
        return encryptionSalt;
    }
}
