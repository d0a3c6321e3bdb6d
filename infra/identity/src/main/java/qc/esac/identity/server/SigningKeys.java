package qc.esac.identity.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs tokens. Kept in a PEM file when one is configured, so that a restart of
 * the local issuer does not invalidate the tokens clients hold; generated in memory otherwise.
 * The key id is derived from the public key, so it changes exactly when the key does.
 */
final class SigningKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private SigningKeys() {
    }

    static RSAKey load(Path file) {
        try {
            KeyPair pair = file == null ? generate() : readOrCreate(file);
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            return new RSAKey.Builder(publicKey).privateKey(pair.getPrivate()).keyUse(KeyUse.SIGNATURE)
                    .keyID(keyId(publicKey)).build();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable signing key " + file, e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key " + file, e);
        }
    }

    private static KeyPair readOrCreate(Path file) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replace(BEGIN, "").replace(END, "").strip());
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        }
        KeyPair pair = generate();
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n" + END + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return pair;
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String keyId(RSAPublicKey key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return "esac-" + HexFormat.of().formatHex(digest, 0, 8);
    }
}
