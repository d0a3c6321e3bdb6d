/**
 * The OpenAPI documents' shared parts: the problem+json schema, the error responses each operation can give
 * (derived once from the handler method and the security settings), the response headers, and the signed-in
 * caller ({@link qc.esac.kit.security.EsacUser}) kept out of the parameters. Controllers add only their summary,
 * description and what the handler alone knows ({@link qc.esac.kit.docs.ApiSuccess}).
 */
package qc.esac.kit.docs;
