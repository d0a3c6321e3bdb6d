package qc.esac.kit.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static qc.esac.kit.support.ProblemMatchers.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import qc.esac.kit.problem.ProblemTypes;
import qc.esac.kit.support.KitWebTest;
import qc.esac.kit.support.TestJwts;

/** The default filter chain: 401/403 as problems, roles, organization scoping, open paths. */
class SecurityTest extends KitWebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void noTokenIs401InFrench() throws Exception {
        mvc.perform(get("/test/me"))
                .andExpect(problem(401, ProblemTypes.AUTHENTIFICATION_REQUISE, "Authentification requise"))
                .andExpect(jsonPath("$.detail").value("Vous devez être authentifié pour accéder à cette ressource."))
                .andExpect(jsonPath("$.instance").value("/test/me"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")));
    }

    @Test
    void noTokenIs401InEnglish() throws Exception {
        mvc.perform(get("/test/me").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.8"))
                .andExpect(problem(401, ProblemTypes.AUTHENTIFICATION_REQUISE, "Authentication required"))
                .andExpect(jsonPath("$.detail").value("You must be authenticated to access this resource."));
    }

    @Test
    void expiredTokenIs401() throws Exception {
        mvc.perform(withToken(get("/test/me"), TestJwts.expired()))
                .andExpect(problem(401, ProblemTypes.AUTHENTIFICATION_REQUISE, "Authentification requise"))
                .andExpect(jsonPath("$.detail").value("Le jeton d’accès est invalide ou expiré. Authentifiez-vous de nouveau."))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
    }

    @Test
    void tokenSignedWithAnUnknownKeyIs401InEnglish() throws Exception {
        mvc.perform(withToken(get("/test/me"), TestJwts.signedWithUnknownKey()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(401, ProblemTypes.AUTHENTIFICATION_REQUISE, "Authentication required"))
                .andExpect(jsonPath("$.detail").value("The access token is invalid or expired. Please authenticate again."));
    }

    @Test
    void tokenWithoutSubjectIs401NotAUserCalledNull() throws Exception {
        mvc.perform(withToken(get("/test/me"), TestJwts.withoutSubject()))
                .andExpect(problem(401, ProblemTypes.AUTHENTIFICATION_REQUISE, "Authentification requise"))
                .andExpect(jsonPath("$.detail").value("Le jeton d’accès est invalide ou expiré. Authentifiez-vous de nouveau."))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
        mvc.perform(withToken(get("/test/staff-only"), TestJwts.withoutSubject()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void garbageTokenIs401() throws Exception {
        mvc.perform(withToken(get("/test/me"), "pas.un.jeton"))
                .andExpect(problem(401, ProblemTypes.AUTHENTIFICATION_REQUISE, "Authentification requise"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void roleWithoutAccessIs403(String language) throws Exception {
        mvc.perform(withToken(get("/test/staff-only"), TestJwts.orgAdmin("org-a"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(problem(403, ProblemTypes.ACCES_REFUSE, language.equals("fr") ? "Accès refusé" : "Access denied"))
                .andExpect(jsonPath("$.detail").value(language.equals("fr")
                        ? "Vous n’avez pas les droits nécessaires pour effectuer cette opération."
                        : "You do not have the rights required for this operation."));
    }

    @Test
    void roleWithAccessPasses() throws Exception {
        mvc.perform(withToken(get("/test/staff-only"), TestJwts.staff("network-1")))
                .andExpect(status().isOk())
                .andExpect(content().string("ok"));
    }

    @Test
    void orgAdminOfOneOrganizationIsRefusedAnother() throws Exception {
        mvc.perform(withToken(get("/test/orgs/org-b/members"), TestJwts.orgAdmin("org-a")))
                .andExpect(problem(403, ProblemTypes.ACCES_REFUSE, "Accès refusé"))
                .andExpect(jsonPath("$.code").value("acces.organisation-refusee"))
                .andExpect(jsonPath("$.detail").value("Vous ne pouvez pas agir au nom de l’organisation org-b."));
    }

    @Test
    void orgAdminActsForOwnOrganization() throws Exception {
        mvc.perform(withToken(get("/test/orgs/org-a/members"), TestJwts.orgAdmin("org-a")))
                .andExpect(status().isOk());
    }

    @Test
    void staffActsForAnyOrganization() throws Exception {
        mvc.perform(withToken(get("/test/orgs/org-b/members"), TestJwts.staff("network-1")))
                .andExpect(status().isOk());
    }

    @Test
    void employeeCannotActForOwnOrganization() throws Exception {
        mvc.perform(withToken(get("/test/orgs/org-b/members"), TestJwts.employee("org-b")))
                .andExpect(status().isForbidden());
    }

    @Test
    void controllerReceivesTheUserFromTheToken() throws Exception {
        mvc.perform(withToken(get("/test/me"), TestJwts.orgAdmin("org-a", "org-c")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("admin-1"))
                .andExpect(jsonPath("$.roles[0]").value("ORG_ADMIN"))
                .andExpect(jsonPath("$.orgs").value(hasItems("org-a", "org-c")));
    }

    @Test
    void publicPathIsOpenForGet() throws Exception {
        mvc.perform(get("/public/ping")).andExpect(status().isOk()).andExpect(content().string("pong"));
    }

    @Test
    void anonymousCallerAskingForTheUserOnAPublicPathIs401() throws Exception {
        // The controller asks for EsacUser: the exception must reach Spring Security, not become a 500.
        mvc.perform(get("/public/whoami"))
                .andExpect(problem(401, ProblemTypes.AUTHENTIFICATION_REQUISE, "Authentification requise"));
    }

    @Test
    void publicPathStillNeedsATokenForPost() throws Exception {
        mvc.perform(post("/public/ping")).andExpect(status().isUnauthorized());
    }

    @Test
    void publicPostPathIsOpenForPostOnly() throws Exception {
        mvc.perform(post("/simulate")).andExpect(status().isOk()).andExpect(content().string("simulated"));
        mvc.perform(get("/simulate")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/v3/api-docs",
            "/swagger-ui/index.html"})
    void probesMetricsAndApiDocsAreOpen(String path) throws Exception {
        // Nothing serves them in this slice: 404 (not 401) shows the request got past security.
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void otherActuatorEndpointsNeedAToken() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
    }

    private static MockHttpServletRequestBuilder withToken(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
