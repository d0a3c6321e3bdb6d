package qc.esac.identity.server;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The French sign-up page: anyone creates an account (email, name, password) and then signs in; the account holds
 * no role until the platform grants one (an invitation accepted, an organization registered and approved).
 */
@Controller
class SignUpController {

    private final SignedUpAccounts accounts;

    SignUpController(SignedUpAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(value = "/signup", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(CsrfToken csrf) {
        return page(csrf, null, "", "");
    }

    @PostMapping(value = "/signup", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signUp(CsrfToken csrf, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password) {
        try {
            accounts.signUp(email, name, password);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "login?inscrit").build();
        } catch (SignedUpAccounts.Refused refused) {
            return ResponseEntity.unprocessableContent().contentType(MediaType.TEXT_HTML)
                    .body(page(csrf, refused.getMessage(), email, name));
        }
    }

    private static String page(CsrfToken csrf, String error, String email, String name) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="fr">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Créer un compte · Plateforme ÉSAC</title>
                <style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}
                label{display:block;margin-top:.8rem}input{font-size:1rem;padding:.3rem;width:100%}
                button{margin-top:1rem;font-size:1rem;padding:.4rem 1.2rem}.erreur{color:#a00}</style>
                </head>
                <body>
                <h1>Créer un compte</h1>
                <p>Votre compte vous permet d’inscrire votre organisation au réseau ou d’accepter une invitation.</p>
                """);
        if (error != null) {
            html.append("<p class=\"erreur\" role=\"alert\">").append(HtmlUtils.htmlEscape(error, "UTF-8")).append("</p>\n");
        }
        return html.append("<form method=\"post\" action=\"signup\">\n")
                .append("<label for=\"email\">Adresse courriel</label>")
                .append("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required value=\"")
                .append(HtmlUtils.htmlEscape(email, "UTF-8")).append("\">\n")
                .append("<label for=\"name\">Nom</label>")
                .append("<input id=\"name\" name=\"name\" autocomplete=\"name\" required value=\"")
                .append(HtmlUtils.htmlEscape(name, "UTF-8")).append("\">\n")
                .append("<label for=\"password\">Mot de passe (au moins ")
                .append(SignedUpAccounts.MINIMUM_PASSWORD_LENGTH).append(" caractères)</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" ")
                .append("required minlength=\"").append(SignedUpAccounts.MINIMUM_PASSWORD_LENGTH).append("\">\n")
                .append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName()))
                .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken())).append("\">\n")
                .append("<button type=\"submit\">Créer mon compte</button>\n</form>\n")
                .append("<p><a href=\"login\">J’ai déjà un compte</a></p>\n</body>\n</html>\n").toString();
    }
}
