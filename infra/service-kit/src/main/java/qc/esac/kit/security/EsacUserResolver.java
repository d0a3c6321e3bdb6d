package qc.esac.kit.security;

/**
 * Completes the user a token describes with what the platform knows of them (the grants of
 * {@code qc.esac.kit.access}), once per request, before anything authorizes. Without one, the token says it all.
 */
@FunctionalInterface
public interface EsacUserResolver {

    EsacUser resolve(EsacUser fromToken);
}
