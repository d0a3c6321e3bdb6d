package qc.esac.testkit.messages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * French first, English too, everywhere: every message code a module's code throws (the kit's problem exceptions,
 * field violations, a store's not-found code) has its French and English text, in the module's bundles or in the
 * service kit's, the two languages hold the same keys, and no problem text has a straight apostrophe
 * (MessageFormat would swallow the arguments after it). Each module runs it as {@code class MessagesTest extends
 * MessageBundlesTest {}}.
 */
public abstract class MessageBundlesTest {

    private static final Pattern PROBLEM = Pattern.compile("new (?:BusinessRule|Conflict|Forbidden|NotFound|InvalidInput"
            + "|VersionConflict|PreconditionRequired)Exception\\(\\s*\"([a-z][a-z0-9.\\-]*)\"");
    private static final Pattern FIELD = Pattern.compile("FieldViolation\\.of\\([^,;]+,\\s*\"([a-z][a-z0-9.\\-]*)\"");
    private static final Pattern STORE = Pattern.compile(
            "forCollection\\([^;]*?,[^;]*?,\\s*\"([a-z][a-z0-9.\\-]*)\"\\)");
    private static final String KIT_BUNDLE = "esac/kit-messages";

    /** The module's bundle base name on the classpath. */
    protected String bundle() {
        return "messages";
    }

    /** Where the module's main sources are, from the module's directory (where Maven runs its tests). */
    protected Path sources() {
        return Path.of("src/main/java");
    }

    @Test
    void everyCodeHasItsFrenchAndEnglishText() throws IOException {
        Properties french = load(bundle() + ".properties", true);
        Properties english = load(bundle() + "_en.properties", true);
        Properties kitFrench = load(KIT_BUNDLE + ".properties", false);
        Properties kitEnglish = load(KIT_BUNDLE + "_en.properties", false);

        Set<String> problems = new TreeSet<>();
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(PROBLEM, source, problems);
                collect(STORE, source, problems);
                collect(FIELD, source, fields);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String code : problems) {
            for (String key : List.of("problem." + code + ".title", "problem." + code + ".detail")) {
                requireText(key, french, kitFrench, "fr", missing);
                requireText(key, english, kitEnglish, "en", missing);
            }
        }
        for (String code : fields) {
            requireText(code, french, kitFrench, "fr", missing);
            requireText(code, english, kitEnglish, "en", missing);
        }
        assertThat(missing).as("codes without their text").isEmpty();
        assertThat(new TreeSet<>(english.stringPropertyNames())).as("English keys")
                .isEqualTo(new TreeSet<>(french.stringPropertyNames()));
        for (Properties bundle : List.of(french, english)) {
            // Problem texts go through MessageFormat; Bean Validation's own messages (EL) may quote.
            bundle.forEach((key, text) -> {
                if (key.toString().startsWith("problem.")) {
                    assertThat(text.toString()).as("%s", key).doesNotContain("'");
                }
            });
        }
    }

    private static void requireText(String key, Properties module, Properties kit, String language,
                                     List<String> missing) {
        if (!module.containsKey(key) && !kit.containsKey(key)) {
            missing.add(language + " " + key);
        }
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Properties load(String name, boolean required) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                assertThat(required).as("%s is on the classpath", name).isFalse();
                return properties;
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
