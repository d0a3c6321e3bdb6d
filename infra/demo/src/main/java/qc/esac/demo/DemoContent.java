package qc.esac.demo;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo content, as JSON resources under {@code demo/}: request-shaped objects (what the APIs take) with a
 * few loader fields beside them ({@code key}, {@code memberships}, {@code employees}, relative dates).
 *
 * <ul>
 *   <li>{@code networks.json}: the four networks, their categories, fees and calendar;</li>
 *   <li>{@code organizations.json}: invented organizations, their memberships and some rosters;</li>
 *   <li>{@code training.json}: courses, sessions and the PAMT standard;</li>
 *   <li>{@code insurance-plan.json}: the group plan of the current year;</li>
 *   <li>{@code strategic-sector-projects.json}: the twelve projects and the organizations they name.</li>
 * </ul>
 */
public record DemoContent(JsonNode networks, JsonNode organizations, JsonNode training, JsonNode insurancePlan,
                          JsonNode projects) {

    static final String RESOURCES = "demo/";
    static final List<String> FILES = List.of("networks.json", "organizations.json", "training.json",
            "insurance-plan.json", "strategic-sector-projects.json");

    public static DemoContent load() {
        return new DemoContent(read("networks.json").get("networks"), read("organizations.json").get("organizations"),
                read("training.json"), read("insurance-plan.json").get("plan"), read("strategic-sector-projects.json"));
    }

    static JsonNode read(String file) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCES + file);
            }
            return PlatformApi.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every organization the demo registers, with its platform id: those of {@code organizations.json} (the
     * demo accounts' three under their fixed ids) and those the projects name (registered with their public
     * name only). Their profiles carry {@code illustrative} as the content says.
     */
    public List<Organization> allOrganizations() {
        List<Organization> all = new ArrayList<>();
        for (JsonNode organization : organizations) {
            String key = organization.get("key").asString();
            String id = organization.hasNonNull("id") ? organization.get("id").asString() : idOf(key);
            all.add(new Organization(key, id, organization.get("profile")));
        }
        for (JsonNode organization : projects.get("organizations")) {
            String key = organization.get("key").asString();
            var profile = PlatformApi.JSON.createObjectNode();
            profile.put("legalName", organization.get("legalName").asString());
            profile.put("neq", organization.get("neq").asString());
            profile.put("legalForm", organization.get("legalForm").asString());
            profile.put("regionCode", organization.get("regionCode").asString());
            profile.putArray("sectorCodes");
            // Their legal forms, regions and NEQs are invented: membership tells every reader so.
            profile.put("illustrative", organization.path("illustrative").asBoolean(false));
            all.add(new Organization("projet:" + key, idOf("projet:" + key), profile));
        }
        return all;
    }

    /** The stable id of a demo organization that has no fixed id: the same on every machine and every run. */
    static String idOf(String key) {
        return UUID.nameUUIDFromBytes(("esac-demo/organization/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * An organization to register.
     *
     * @param key     its key in the content (project organizations are prefixed {@code projet:})
     * @param id      its platform id
     * @param profile the registration request
     */
    public record Organization(String key, String id, JsonNode profile) {

        /** One of the organizations the projects name (registered with their public name only). */
        public boolean namedByProjects() {
            return key.startsWith("projet:");
        }
    }
}
