package qc.esac.membership.reference;

import java.util.Optional;

/**
 * The 32 sectors of activity the social-economy workforce committee uses for its interventions (as revised
 * after its 2018-2019 survey). The code is the enum name.
 */
public enum Sector implements Labelled {

    ACTION_BENEVOLE("Action bénévole", "Volunteer action"),
    AGROALIMENTAIRE("Agroalimentaire", "Agri-food"),
    AIDE_DOMICILE("Aide à domicile", "Home care"),
    COMMERCE("Commerce de gros et de détail", "Wholesale and retail trade"),
    CONSOMMATION_RESTAURATION("Consommation, restaurants, bars et brasseries artisanales",
            "Consumer services, restaurants, bars and craft breweries"),
    CONSTRUCTION("Construction", "Construction"),
    COOPERATION_INTERNATIONALE("Coopération et éducation à la solidarité internationale",
            "International cooperation and solidarity education"),
    CULTURE_PATRIMOINE("Culture, arts et spectacle et conservation du patrimoine",
            "Culture, arts, performance and heritage conservation"),
    EDUCATION_POPULAIRE("Éducation populaire, alphabétisation, lutte au décrochage scolaire et formation",
            "Popular education, literacy, dropout prevention and training"),
    EMPLOI_INSERTION("Emploi, insertion sociale, intégration sociale et professionnelle",
            "Employment, social and work integration"),
    ENVIRONNEMENT("Environnement et développement durable", "Environment and sustainable development"),
    FINANCE_SOLIDAIRE("Finance solidaire", "Solidarity finance"),
    FORESTERIE("Foresterie", "Forestry"),
    HABITATION("Habitation, logement et immobilier", "Housing and real estate"),
    HEBERGEMENT("Hébergement", "Lodging"),
    IMMIGRATION("Immigration, intégration sociale des communautés culturelles et aide aux réfugiés",
            "Immigration, integration of cultural communities and refugee assistance"),
    LOISIR_SPORT_TOURISME("Loisir, sport et tourisme", "Recreation, sport and tourism"),
    LUTTE_PAUVRETE("Lutte à la pauvreté", "Fight against poverty"),
    MANUFACTURIER("Manufacturier et fabrication", "Manufacturing"),
    MEDIAS_COMMUNICATIONS("Médias, communications et événementiel", "Media, communications and events"),
    PETITE_ENFANCE("Petite enfance", "Early childhood"),
    DEFENSE_DROITS("Promotion et défense des droits sociaux", "Promotion and defence of social rights"),
    REPRESENTATION_CONCERTATION("Représentation et concertation", "Representation and consultation"),
    SANTE_SERVICES_SOCIAUX("Santé et services sociaux", "Health and social services"),
    SCOLAIRE("Scolaire", "School services"),
    SECURITE_ALIMENTAIRE("Sécurité alimentaire", "Food security"),
    SERVICES_PROFESSIONNELS("Services administratifs, services-conseils et professionnels",
            "Administrative, consulting and professional services"),
    SERVICES_FUNERAIRES("Services funéraires", "Funeral services"),
    SOUTIEN_ESAC("Soutien à l’action communautaire, à l’économie sociale et à l’entrepreneuriat",
            "Support to community action, the social economy and entrepreneurship"),
    DEVELOPPEMENT_LOCAL("Soutien au développement local et régional", "Support to local and regional development"),
    TECHNOLOGIES_NUMERIQUE("Technologies de l’information et du numérique", "Information and digital technologies"),
    TRANSPORT("Transport", "Transportation");

    private final String labelFr;
    private final String labelEn;

    Sector(String labelFr, String labelEn) {
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String labelFr() {
        return labelFr;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }

    public static Optional<Sector> byCode(String code) {
        return Labelled.byCode(Sector.class, code);
    }
}
