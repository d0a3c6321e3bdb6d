package qc.esac.projects.demo;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The demo content: the twelve strategic-sector projects of the programme's public list, in our own words
 * ({@code demo/strategic-sector-projects.json}). Organizations are keyed so projects can name them before the
 * platform has given them ids. Request-shaped fields ({@code contact}, {@code steps}, {@code indicators}) are
 * sent to the API as they are.
 */
public record DemoFixture(String description, String programme, List<Organization> organizations,
                          List<Project> projects) {

    public static final String RESOURCE = "demo/strategic-sector-projects.json";

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static DemoFixture load() {
        try (InputStream in = DemoFixture.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return JSON.readValue(in, DemoFixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An organization as membership registers it; the NEQ is fictitious. */
    public record Organization(String key, String legalName, String legalForm, String regionCode, String neq) {
    }

    public record Partner(String organization, String role) {
    }

    public record Project(String key, String name, List<String> targetedIssues, String description, String lead,
                          List<Partner> partners, Map<String, Object> contact, List<String> regionCodes,
                          List<Map<String, Object>> steps, List<Map<String, Object>> indicators) {
    }
}
