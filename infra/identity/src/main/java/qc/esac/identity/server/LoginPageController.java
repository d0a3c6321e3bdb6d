package qc.esac.identity.server;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form, in French, listing the demo accounts: this issuer only serves local use and
 * tests, where knowing which account plays which role is the point.
 */
@Controller
class LoginPageController {

    private final IdentityProperties properties;

    LoginPageController(IdentityProperties properties) {
        this.properties = properties;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, @RequestParam(required = false) String inscrit) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="fr">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Connexion · Plateforme ÉSAC</title>
                <style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}
                label{display:block;margin-top:.8rem}input{font-size:1rem;padding:.3rem;width:100%}
                button{margin-top:1rem;font-size:1rem;padding:.4rem 1.2rem}.erreur{color:#a00}
                table{border-collapse:collapse;margin-top:1rem}td,th{padding:.2rem .6rem;text-align:left}</style>
                </head>
                <body>
                <h1>Connexion à la plateforme ÉSAC</h1>
                """);
        if (error != null) {
            html.append("<p class=\"erreur\" role=\"alert\">Nom d’utilisateur ou mot de passe incorrect.</p>\n");
        }
        if (inscrit != null) {
            html.append("<p role=\"status\">Votre compte est créé : connectez-vous avec votre adresse courriel.</p>\n");
        }
        if (logout != null) {
            html.append("<p role=\"status\">Vous êtes déconnecté.</p>\n");
        }
        html.append("<form method=\"post\" action=\"login\">\n")
                .append("<label for=\"username\">Nom d’utilisateur ou adresse courriel</label>")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>\n")
                .append("<label for=\"password\">Mot de passe</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n")
                .append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName()))
                .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken())).append("\">\n")
                .append("<button type=\"submit\">Se connecter</button>\n</form>\n")
                .append("<p>Pas encore de compte ? <a href=\"signup\">Créer un compte</a></p>\n")
                .append("<h2>Comptes de démonstration</h2>\n<p>Mot de passe : celui configuré pour la démonstration")
                .append(properties.demoPassword().equals("esac-demo") ? " (<code>esac-demo</code>)" : "")
                .append(".</p>\n<table><tr><th>Nom d’utilisateur</th><th>Rôle</th></tr>\n");
        for (DemoDirectory.DemoAccount account : DemoDirectory.ACCOUNTS) {
            html.append("<tr><td><code>").append(HtmlUtils.htmlEscape(account.username())).append("</code></td><td>")
                    .append(HtmlUtils.htmlEscape(account.description())).append("</td></tr>\n");
        }
        return html.append("</table>\n</body>\n</html>\n").toString();
    }
}
