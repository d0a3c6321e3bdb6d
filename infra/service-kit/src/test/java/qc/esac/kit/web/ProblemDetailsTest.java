package qc.esac.kit.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static qc.esac.kit.support.ProblemMatchers.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import qc.esac.kit.problem.ProblemTypes;
import qc.esac.kit.support.KitWebTest;
import qc.esac.kit.support.TestJwts;

/** Every error the kit answers, in French (no Accept-Language) and in English. */
class ProblemDetailsTest extends KitWebTest {

    enum Lang {
        FR(null), EN("en");

        final String header;

        Lang(String header) {
            this.header = header;
        }

        String pick(String french, String english) {
            return this == FR ? french : english;
        }
    }

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void malformedJsonBodyIs400Unreadable(Lang lang) throws Exception {
        perform(post("/test/orgs").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Coop"), lang)
                .andExpect(problem(400, ProblemTypes.REQUETE_ILLISIBLE, lang.pick("Requête illisible", "Unreadable request")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "Le corps de la requête est absent, n’est pas du JSON valide ou contient une valeur d’un type incorrect.",
                        "The request body is missing, is not valid JSON or holds a value of the wrong type.")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void wrongTypeInBodyNamesTheField(Lang lang) throws Exception {
        perform(post("/test/orgs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Coop\", \"members\": \"beaucoup\"}"), lang)
                .andExpect(problem(400, ProblemTypes.REQUETE_ILLISIBLE, lang.pick("Requête illisible", "Unreadable request")))
                .andExpect(jsonPath("$.errors[0].field").value("members"))
                .andExpect(jsonPath("$.errors[0].message").value(lang.pick(
                        "valeur illisible ou de type incorrect", "unreadable value or value of the wrong type")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void invalidBodyListsLocalizedFieldErrors(Lang lang) throws Exception {
        perform(post("/test/orgs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \" \", \"email\": \"pas-un-courriel\", \"code\": \"TROPLONG\", \"members\": -1}"), lang)
                .andExpect(problem(400, ProblemTypes.DONNEES_INVALIDES, lang.pick("Données invalides", "Invalid data")))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem(lang.pick(
                        "est obligatoire et ne peut pas être vide", "is required and must not be blank"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')].message").value(hasItem(lang.pick(
                        "doit être une adresse courriel valide", "must be a valid email address"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')].message").value(hasItem(lang.pick(
                        "doit contenir entre 0 et 5 éléments ou caractères",
                        "must contain between 0 and 5 items or characters"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'members')].message").value(hasItem(lang.pick(
                        "doit être supérieur ou égal à 0", "must be greater than or equal to 0"))));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void invalidParameterListsLocalizedErrors(Lang lang) throws Exception {
        perform(get("/test/search").param("size", "500"), lang)
                .andExpect(problem(400, ProblemTypes.DONNEES_INVALIDES, lang.pick("Données invalides", "Invalid data")))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value(lang.pick(
                        "doit être inférieur ou égal à 100", "must be less than or equal to 100")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void violationInAValidatedServiceIs400(Lang lang) throws Exception {
        perform(post("/test/register").param("name", " "), lang)
                .andExpect(problem(400, ProblemTypes.DONNEES_INVALIDES, lang.pick("Données invalides", "Invalid data")))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value(lang.pick(
                        "est obligatoire et ne peut pas être vide", "is required and must not be blank")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void fieldViolationsFromApplicationCodeAreListed(Lang lang) throws Exception {
        perform(post("/test/period"), lang)
                .andExpect(problem(400, ProblemTypes.DONNEES_INVALIDES, lang.pick("Données invalides", "Invalid data")))
                .andExpect(jsonPath("$.code").value("donnees.invalides"))
                .andExpect(jsonPath("$.errors[0].field").value("periode.fin"))
                .andExpect(jsonPath("$.errors[0].message").value(lang.pick(
                        "doit suivre la date de début", "must follow the start date")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void unknownRouteIs404(Lang lang) throws Exception {
        perform(get("/nulle-part"), lang)
                .andExpect(problem(404, ProblemTypes.ROUTE_INCONNUE, lang.pick("Route inconnue", "Unknown route")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "Aucune ressource ne correspond à ce chemin.", "No resource matches this path.")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void wrongMethodIs405WithAllow(Lang lang) throws Exception {
        perform(delete("/test/orgs"), lang)
                .andExpect(problem(405, ProblemTypes.METHODE_NON_PERMISE,
                        lang.pick("Méthode non permise", "Method not allowed")))
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("POST")))
                .andExpect(jsonPath("$.detail").value(containsString("DELETE")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void unsupportedContentTypeIs415(Lang lang) throws Exception {
        perform(post("/test/orgs").contentType(MediaType.TEXT_PLAIN).content("Coop"), lang)
                .andExpect(problem(415, ProblemTypes.TYPE_DE_CONTENU_NON_SUPPORTE,
                        lang.pick("Type de contenu non pris en charge", "Unsupported content type")))
                .andExpect(jsonPath("$.detail").value(containsString("text/plain")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void unacceptableRepresentationIs406(Lang lang) throws Exception {
        perform(get("/test/orgs/org-1").accept(MediaType.APPLICATION_XML), lang)
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.REPRESENTATION_NON_ACCEPTABLE))
                .andExpect(jsonPath("$.title").value(lang.pick("Représentation non disponible",
                        "Representation not available")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void missingHeaderIs400(Lang lang) throws Exception {
        perform(get("/test/header"), lang)
                .andExpect(problem(400, ProblemTypes.REQUETE_INVALIDE, lang.pick("En-tête manquant", "Missing header")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "L’en-tête X-Organisation est obligatoire.", "Header X-Organisation is required.")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void parameterOfWrongTypeIs400(Lang lang) throws Exception {
        perform(get("/test/search").param("size", "beaucoup"), lang)
                .andExpect(problem(400, ProblemTypes.REQUETE_INVALIDE, lang.pick("Paramètre invalide", "Invalid parameter")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "La valeur du paramètre size n’est pas du type attendu.",
                        "The value of parameter size is not of the expected type.")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void staleIfMatchIs412(Lang lang) throws Exception {
        perform(put("/test/orgs/org-1").header(HttpHeaders.IF_MATCH, "\"2\""), lang)
                .andExpect(problem(412, ProblemTypes.VERSION_PERIMEE, lang.pick("Version périmée", "Stale version")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "La ressource a été modifiée depuis votre dernière lecture (version 2 envoyée, version 3 actuelle). Relisez-la avant de la modifier.",
                        "The resource has changed since you last read it (version 2 sent, version 3 current). Read it again before changing it.")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void missingIfMatchIs428(Lang lang) throws Exception {
        perform(put("/test/orgs/org-1"), lang)
                .andExpect(problem(428, ProblemTypes.PRECONDITION_REQUISE,
                        lang.pick("Précondition requise", "Precondition required")))
                .andExpect(jsonPath("$.code").value("version.requise"));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void matchingIfMatchUpdatesAndReturnsTheNewETag(Lang lang) throws Exception {
        perform(put("/test/orgs/org-1").header(HttpHeaders.IF_MATCH, "\"3\""), lang)
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"4\""));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void duplicateIs409(Lang lang) throws Exception {
        perform(post("/test/duplicate"), lang)
                .andExpect(problem(409, ProblemTypes.CONFLIT, lang.pick("Organisation en double", "Duplicate organization")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "Une organisation nommée Coop existe déjà.", "An organization named Coop already exists.")))
                .andExpect(jsonPath("$.code").value("organisation.doublon"));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void missingResourceIs404WithServiceMessage(Lang lang) throws Exception {
        perform(get("/test/orgs/org-9"), lang)
                .andExpect(problem(404, ProblemTypes.RESSOURCE_INTROUVABLE,
                        lang.pick("Organisation introuvable", "Organization not found")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "L’organisation org-9 n’existe pas.", "Organization org-9 does not exist.")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void forbiddenIs403(Lang lang) throws Exception {
        perform(get("/test/forbidden"), lang)
                .andExpect(problem(403, ProblemTypes.ACCES_REFUSE, lang.pick("Accès refusé", "Access denied")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void businessRuleIs422(Lang lang) throws Exception {
        perform(post("/test/rule"), lang)
                .andExpect(problem(422, ProblemTypes.REGLE_D_AFFAIRES, lang.pick("Session complète", "Session full")))
                .andExpect(jsonPath("$.detail").value(lang.pick(
                        "Cette session de formation n’a plus de places.", "This training session has no seats left.")));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void unexpectedFailureIs500WithoutInternals(Lang lang) throws Exception {
        perform(get("/test/boom"), lang)
                .andExpect(problem(500, ProblemTypes.ERREUR_INTERNE, lang.pick("Erreur interne", "Internal error")))
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void errorDispatchIsAProblemToo(Lang lang) throws Exception {
        // What the container forwards to /error when a filter fails or sendError is called.
        perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 503)
                .requestAttr("jakarta.servlet.error.exception", new IllegalStateException("hunter2")), lang)
                .andExpect(problem(503, ProblemTypes.SERVICE_INDISPONIBLE,
                        lang.pick("Service indisponible", "Service unavailable")))
                .andExpect(content().string(not(containsString("hunter2"))));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, Lang lang) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.staff("network-1"));
        if (lang.header != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, lang.header);
        }
        return mvc.perform(request);
    }
}
