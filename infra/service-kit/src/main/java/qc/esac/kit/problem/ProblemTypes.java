package qc.esac.kit.problem;

/**
 * The one list of problem {@code type} URIs (RFC 9457) the platform answers with.
 *
 * <p>Clients switch on these, so they are part of the public contract: add new ones, never
 * rename or reuse one for another meaning. They are plain strings so that domain code can
 * refer to them without Spring.
 */
public final class ProblemTypes {

    public static final String BASE = "https://esac.quebec/problemes/";

    /** Body is not parseable JSON or has a value of the wrong type (400). */
    public static final String REQUETE_ILLISIBLE = BASE + "requete-illisible";
    /** Bean Validation or business input checks failed; field errors listed (400). */
    public static final String DONNEES_INVALIDES = BASE + "donnees-invalides";
    /** Missing header or parameter, parameter of the wrong type (400). */
    public static final String REQUETE_INVALIDE = BASE + "requete-invalide";
    /** No token, or a token that is expired, badly signed or otherwise invalid (401). */
    public static final String AUTHENTIFICATION_REQUISE = BASE + "authentification-requise";
    /** Authenticated but not allowed (403). */
    public static final String ACCES_REFUSE = BASE + "acces-refuse";
    /** No route answers this path (404). */
    public static final String ROUTE_INCONNUE = BASE + "route-inconnue";
    /** The route exists but the addressed resource does not (404). */
    public static final String RESSOURCE_INTROUVABLE = BASE + "ressource-introuvable";
    /** HTTP method not supported on this route; see the {@code Allow} header (405). */
    public static final String METHODE_NON_PERMISE = BASE + "methode-non-permise";
    /** No representation matches the {@code Accept} header (406). */
    public static final String REPRESENTATION_NON_ACCEPTABLE = BASE + "representation-non-acceptable";
    /** The request conflicts with the current state, e.g. a duplicate (409). */
    public static final String CONFLIT = BASE + "conflit";
    /** {@code If-Match} names a version that is no longer the current one (412). */
    public static final String VERSION_PERIMEE = BASE + "version-perimee";
    /** Body too large (413). */
    public static final String CONTENU_TROP_VOLUMINEUX = BASE + "contenu-trop-volumineux";
    /** {@code Content-Type} not supported (415). */
    public static final String TYPE_DE_CONTENU_NON_SUPPORTE = BASE + "type-de-contenu-non-supporte";
    /** Well-formed, valid input that a business rule refuses (422). */
    public static final String REGLE_D_AFFAIRES = BASE + "regle-d-affaires";
    /** An update was sent without the {@code If-Match} header it requires (428). */
    public static final String PRECONDITION_REQUISE = BASE + "precondition-requise";
    /** The {@code Idempotency-Key} header is repeated, empty, too long or not printable ASCII (400). */
    public static final String CLE_IDEMPOTENCE_INVALIDE = BASE + "cle-idempotence-invalide";
    /** The {@code Idempotency-Key} was already used for a different request (422). */
    public static final String CLE_IDEMPOTENCE_REUTILISEE = BASE + "cle-idempotence-reutilisee";
    /** A request with the same {@code Idempotency-Key} is still being processed; see {@code Retry-After} (409). */
    public static final String REQUETE_EN_COURS = BASE + "requete-en-cours";
    /** Unexpected failure on our side; details are only in the server logs (500). */
    public static final String ERREUR_INTERNE = BASE + "erreur-interne";
    /** Temporarily unable to answer (503). */
    public static final String SERVICE_INDISPONIBLE = BASE + "service-indisponible";
    /** RFC 9457 default: the status code says it all. */
    public static final String ABOUT_BLANK = "about:blank";

    private ProblemTypes() {
    }

    /** Type for a status when nothing more specific is known. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> REQUETE_INVALIDE;
            case 401 -> AUTHENTIFICATION_REQUISE;
            case 403 -> ACCES_REFUSE;
            case 404 -> RESSOURCE_INTROUVABLE;
            case 405 -> METHODE_NON_PERMISE;
            case 406 -> REPRESENTATION_NON_ACCEPTABLE;
            case 409 -> CONFLIT;
            case 412 -> VERSION_PERIMEE;
            case 413 -> CONTENU_TROP_VOLUMINEUX;
            case 415 -> TYPE_DE_CONTENU_NON_SUPPORTE;
            case 422 -> REGLE_D_AFFAIRES;
            case 428 -> PRECONDITION_REQUISE;
            case 503 -> SERVICE_INDISPONIBLE;
            default -> status >= 500 ? ERREUR_INTERNE : ABOUT_BLANK;
        };
    }
}
