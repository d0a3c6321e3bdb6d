package qc.esac.membership.reference;

import java.util.Optional;

/** The 17 administrative regions of Quebec, by their official two-digit code. */
public enum Region implements Labelled {

    BAS_SAINT_LAURENT("01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"),
    SAGUENAY_LAC_SAINT_JEAN("02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
    CAPITALE_NATIONALE("03", "Capitale-Nationale", "Capitale-Nationale"),
    MAURICIE("04", "Mauricie", "Mauricie"),
    ESTRIE("05", "Estrie", "Eastern Townships (Estrie)"),
    MONTREAL("06", "Montréal", "Montréal"),
    OUTAOUAIS("07", "Outaouais", "Outaouais"),
    ABITIBI_TEMISCAMINGUE("08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
    COTE_NORD("09", "Côte-Nord", "Côte-Nord (North Shore)"),
    NORD_DU_QUEBEC("10", "Nord-du-Québec", "Nord-du-Québec (Northern Quebec)"),
    GASPESIE_ILES_DE_LA_MADELEINE("11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"),
    CHAUDIERE_APPALACHES("12", "Chaudière-Appalaches", "Chaudière-Appalaches"),
    LAVAL("13", "Laval", "Laval"),
    LANAUDIERE("14", "Lanaudière", "Lanaudière"),
    LAURENTIDES("15", "Laurentides", "Laurentians (Laurentides)"),
    MONTEREGIE("16", "Montérégie", "Montérégie"),
    CENTRE_DU_QUEBEC("17", "Centre-du-Québec", "Centre-du-Québec");

    private final String code;
    private final String labelFr;
    private final String labelEn;

    Region(String code, String labelFr, String labelEn) {
        this.code = code;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelFr() {
        return labelFr;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }

    public static Optional<Region> byCode(String code) {
        return Labelled.byCode(Region.class, code);
    }
}
