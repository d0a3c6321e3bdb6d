package qc.esac.training;

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
 * Every problem code and field-error code the service throws has its French and English text, and no text
 * uses a straight apostrophe (MessageFormat would swallow the arguments after it).
 */
class MessagesTest {

    private static final Pattern PROBLEM = Pattern.compile(
            "new (?:BusinessRule|Conflict|Forbidden|NotFound|InvalidInput)Exception\\(\\s*\"([a-z.\\-]+)\"");
    private static final Pattern FIELD = Pattern.compile("FieldViolation\\.of\\([^,]+,\\s*\"([a-z.\\-]+)\"");
    private static final Set<String> KIT_CODES = Set.of("acces.organisation-refusee", "acces.refuse",
            "version.concurrente");

    @Test
    void everyCodeHasItsFrenchAndEnglishText() throws IOException {
        Properties french = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        Set<String> problems = new TreeSet<>();
        Set<String> fields = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(PROBLEM, source, problems);
                collect(FIELD, source, fields);
            }
        }
        problems.removeAll(KIT_CODES);
        assertThat(problems).hasSizeGreaterThan(30);
        List<String> missing = new ArrayList<>();
        for (String code : problems) {
            for (String key : List.of("problem." + code + ".title", "problem." + code + ".detail")) {
                if (!french.containsKey(key)) {
                    missing.add("fr " + key);
                }
                if (!english.containsKey(key)) {
                    missing.add("en " + key);
                }
            }
        }
        for (String code : fields) {
            if (!french.containsKey(code)) {
                missing.add("fr " + code);
            }
            if (!english.containsKey(code)) {
                missing.add("en " + code);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(french.keySet()).isEqualTo(english.keySet());
        french.values().forEach(text -> assertThat(text.toString()).doesNotContain("'"));
        english.values().forEach(text -> assertThat(text.toString()).doesNotContain("'"));
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
