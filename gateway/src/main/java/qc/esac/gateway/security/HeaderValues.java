package qc.esac.gateway.security;

/**
 * Spring Security's firewall rule for header values ({@code StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES}:
 * every code point assigned, and not a control character unless a tab), checked by a loop instead of the regular
 * expression {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. The firewall checks a header's value each time the
 * header is read, and a bearer token's 800 characters are read several times per call; printable ASCII, nearly
 * every character of real headers, is decided without looking up the character's Unicode type.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    /** True for an absent header (null), as Spring Security's rule: the firewall asks for headers not sent too. */
    static boolean allowed(String value) {
        if (value == null) {
            return true;
        }
        int length = value.length();
        int i = 0;
        while (i < length) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && codePoint != '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
