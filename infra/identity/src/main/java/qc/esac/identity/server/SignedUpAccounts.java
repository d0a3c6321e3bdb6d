package qc.esac.identity.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts people create themselves on the sign-up page: their email is their login name, their {@code sub} a
 * random id, and they hold no role: what they may do is granted in the platform (membership's access register),
 * never here. Kept in memory, and in {@code esac.identity.accounts-file} when set so that accounts survive a
 * restart of the local stack. Demo accounts (the {@link DemoDirectory}) are looked up first and cannot be taken.
 */
public class SignedUpAccounts {

    /** Enough to catch typing mistakes; the mailbox itself is proven when an invitation is accepted. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MINIMUM_PASSWORD_LENGTH = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Account> byEmail = new ConcurrentHashMap<>();
    private final PasswordEncoder encoder;
    private final Path file;

    public SignedUpAccounts(PasswordEncoder encoder, Path file) {
        this.encoder = encoder;
        this.file = file;
        if (file != null && Files.exists(file)) {
            try {
                List<Account> stored = JSON.readValue(file.toFile(), new TypeReference<List<Account>>() { });
                stored.forEach(account -> byEmail.put(account.email(), account));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot read the accounts file " + file, e);
            }
        }
    }

    /**
     * A person's account.
     *
     * @param id stable id, the {@code sub} of their tokens
     * @param email login name and {@code email} claim, in lower case
     * @param passwordHash the encoder's hash of the password
     */
    public record Account(String id, String email, String displayName, String passwordHash) {
    }

    /** Why a sign-up was refused, as a French sentence for the form. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    public Account signUp(String email, String displayName, String password) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches() || normalized.length() > 200) {
            throw new Refused("L’adresse courriel n’est pas valide.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw new Refused("Indiquez votre nom (120 caractères au plus).");
        }
        if (password == null || password.length() < MINIMUM_PASSWORD_LENGTH || password.length() > 200) {
            throw new Refused("Le mot de passe doit compter au moins " + MINIMUM_PASSWORD_LENGTH + " caractères.");
        }
        if (DemoDirectory.account(normalized).isPresent()) {
            throw new Refused("Un compte existe déjà pour cette adresse.");
        }
        Account account = new Account(UUID.randomUUID().toString(), normalized, displayName.strip(),
                encoder.encode(password));
        if (byEmail.putIfAbsent(normalized, account) != null) {
            throw new Refused("Un compte existe déjà pour cette adresse.");
        }
        save();
        return account;
    }

    public Optional<Account> find(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    /** For the issuer's login (not a UserDetailsService bean itself: Spring Security wants exactly one). */
    public UserDetails loadUserByUsername(String username) {
        Account account = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(account.email()).password(account.passwordHash()).authorities(List.of()).build();
    }

    private synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, JSON.writeValueAsString(new ArrayList<>(byEmail.values())));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
