package qc.esac.kit.docs;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import qc.esac.kit.web.ProblemMessages;

/** The RFC 9457 problem as the platform writes it ({@code qc.esac.kit.web.ProblemMessages}), one schema for every error. */
public final class ProblemSchema {

    public static final String NAME = "Problem";
    public static final String FIELD_ERROR = "ProblemFieldError";
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemSchema() {
    }

    /** {@code application/problem+json} referring to the shared schema. */
    public static Content content() {
        return new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME)));
    }

    static void register(Components components) {
        components.addSchemas(FIELD_ERROR, new ObjectSchema()
                .description("Un champ ou paramètre refusé. One rejected field or parameter.")
                .addProperty("field", new StringSchema().description("Chemin du champ. Path of the field."))
                .addProperty("message", new StringSchema().description("Ce qui ne va pas, dans la langue de l’appelant. "
                        + "What is wrong, in the caller's language."))
                .required(List.of("field", "message")));
        components.addSchemas(NAME, new ObjectSchema()
                .description("Erreur RFC 9457 ; title et detail en français, en anglais avec Accept-Language: en. "
                        + "RFC 9457 error; title and detail in French, in English with Accept-Language: en.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Type stable, sur lequel un client peut se brancher. Stable type clients can switch on."))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(ProblemMessages.CODE_PROPERTY, new StringSchema()
                        .description("Code du message (par exemple organisation.introuvable). Message code."))
                .addProperty(ProblemMessages.ERRORS_PROPERTY, new ArraySchema()
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR)))
                .required(List.of("type", "title", "status")));
    }
}
