package qc.esac.identity.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import qc.esac.identity.EsacRole;

/**
 * The one place that defines the demo networks, organizations, people and machine clients of the
 * local issuer, with stable ids. The demo content (infra/local) creates organizations with these
 * ids; the identity README lists them. Networks are the four federating bodies of the seed
 * documents; organizations and people are invented.
 */
public final class DemoDirectory {

    // Network ids are the short codes membership-service gives networks at creation (lower case,
    // digits, hyphens); insurance-service's default plan network is "aacocq".

    /** Sectoral workforce committee for the social economy and community action. */
    public static final String NETWORK_CSMO_ESAC = "csmo-esac";
    /** Group-insurance association of community organizations. */
    public static final String NETWORK_AACOCQ = "aacocq";
    /** Federation of health cooperatives. */
    public static final String NETWORK_FQCS = "fqcs";
    /** Alliance of employment-counselling centres. */
    public static final String NETWORK_AXTRA = "axtra";

    /** Invented: a collective kitchen (OBNL) in Mauricie. */
    public static final String ORG_CUISINE_VIEUX_MOULIN = "5e5ac000-0002-4000-8000-000000000001";
    /** Invented: a solidarity cooperative in Centre-du-Québec. */
    public static final String ORG_COOP_BOIS_FRANC = "5e5ac000-0002-4000-8000-000000000002";
    /** Invented: a youth centre (community organization) in Laurentides. */
    public static final String ORG_MAISON_JEUNES_ESCALE = "5e5ac000-0002-4000-8000-000000000003";

    /** Every network, for the demo-content loader. */
    public static final List<String> NETWORKS = List.of(NETWORK_CSMO_ESAC, NETWORK_AACOCQ, NETWORK_FQCS,
            NETWORK_AXTRA);

    /** Scopes a partner application may hold: read access per context and to the event stream. */
    public static final List<String> PARTNER_SCOPES = List.of("membership.read", "training.read", "insurance.read",
            "projects.read", "events.read");

    /** Browser single-page application: authorization code with PKCE, no secret. */
    public static final String CLIENT_WEB = "esac-web";
    /**
     * The web portal's backend-for-frontend at the gateway: a confidential client (secret), authorization code with
     * PKCE and refresh tokens; its tokens stay at the gateway.
     */
    public static final String CLIENT_PORTAL = "esac-portal";
    /** Mobile application: authorization code with PKCE, no secret, custom-scheme redirect. */
    public static final String CLIENT_MOBILE = "esac-mobile";
    /** A partner system (client credentials) with read scopes. */
    public static final String CLIENT_PARTNER = "partenaire-demo";
    /** The demo-content loader of the local stack: client credentials, acts as staff of every network. */
    public static final String CLIENT_LOADER = "esac-chargement-demo";

    /** People who log in through the browser or mobile clients. All are invented. */
    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("5e5ac000-0003-4000-8000-000000000001", "personnel-csmo", "Maude Lacasse-Riel",
                    Set.of(EsacRole.STAFF), Set.of(), Set.of(NETWORK_CSMO_ESAC),
                    "personnel du comité sectoriel de main-d’œuvre"),
            new DemoAccount("5e5ac000-0003-4000-8000-000000000002", "personnel-aacocq", "Jérôme Tessier-Ouimet",
                    Set.of(EsacRole.STAFF), Set.of(), Set.of(NETWORK_AACOCQ),
                    "personnel de l’association d’assurance collective"),
            new DemoAccount("5e5ac000-0003-4000-8000-000000000003", "personnel-fqcs", "Noémie Brisebois-Hamel",
                    Set.of(EsacRole.STAFF), Set.of(), Set.of(NETWORK_FQCS),
                    "personnel de la fédération des coopératives de santé"),
            new DemoAccount("5e5ac000-0003-4000-8000-000000000004", "personnel-axtra", "Olivier Charland-Viau",
                    Set.of(EsacRole.STAFF), Set.of(), Set.of(NETWORK_AXTRA),
                    "personnel de l’alliance des centres-conseils en emploi"),
            new DemoAccount("5e5ac000-0003-4000-8000-000000000005", "admin-vieux-moulin", "Sophie Gendreau-Laplante",
                    Set.of(EsacRole.ORG_ADMIN), Set.of(ORG_CUISINE_VIEUX_MOULIN), Set.of(),
                    "administratrice de la Cuisine collective du Vieux-Moulin"),
            new DemoAccount("5e5ac000-0003-4000-8000-000000000006", "admin-deux-organismes", "Karim Belhumeur-Dion",
                    Set.of(EsacRole.ORG_ADMIN), Set.of(ORG_COOP_BOIS_FRANC, ORG_MAISON_JEUNES_ESCALE), Set.of(),
                    "administrateur de la Coopérative Bois-Franc et de la Maison des jeunes L’Escale"),
            new DemoAccount("5e5ac000-0003-4000-8000-000000000007", "employe-vieux-moulin", "Léa Marcoux-Fafard",
                    Set.of(EsacRole.EMPLOYEE), Set.of(ORG_CUISINE_VIEUX_MOULIN), Set.of(),
                    "employée de la Cuisine collective du Vieux-Moulin"));

    /** What a client-credentials token says about the machine client that obtained it. */
    public static final Map<String, ClientProfile> CLIENT_PROFILES = Map.of(
            CLIENT_PARTNER, new ClientProfile(Set.of(EsacRole.PARTNER), Set.of()),
            CLIENT_LOADER, new ClientProfile(Set.of(EsacRole.STAFF), Set.copyOf(NETWORKS)));

    private static final Map<String, DemoAccount> BY_USERNAME = ACCOUNTS.stream()
            .collect(Collectors.toUnmodifiableMap(DemoAccount::username, Function.identity()));

    private DemoDirectory() {
    }

    public static Optional<DemoAccount> account(String username) {
        return Optional.ofNullable(BY_USERNAME.get(username));
    }

    /** Machine clients not listed get no role: a token cannot grant what nobody configured. */
    public static ClientProfile clientProfile(String clientId) {
        return CLIENT_PROFILES.getOrDefault(clientId, new ClientProfile(Set.of(), Set.of()));
    }

    /**
     * A person of the demo.
     *
     * @param id stable user id, the {@code sub} of their tokens
     * @param username login name
     * @param description what the account is for, shown on the local login page
     */
    public record DemoAccount(String id, String username, String displayName, Set<EsacRole> roles,
            Set<String> organizationIds, Set<String> networkIds, String description) {
    }

    /** Roles and networks carried by a machine client's tokens. */
    public record ClientProfile(Set<EsacRole> roles, Set<String> networkIds) {
    }
}
