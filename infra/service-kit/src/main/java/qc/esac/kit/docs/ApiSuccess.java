package qc.esac.kit.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a handler's success looks like, for the OpenAPI document, when springdoc cannot see it in the signature
 * (a {@code ResponseEntity} built in the method body). Read by {@link ApiResponsesCustomizer}; changes nothing at
 * run time.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiSuccess {

    /** The success status: 200, 201 (documents a {@code Location} header) or 204 (no body). */
    int status() default 200;

    /** Other success statuses the same operation may answer with the same body (e.g. 200 and 201 on a PUT that creates). */
    int[] also() default {};

    /** Whether the success carries the resource's version as {@code ETag} (for a later {@code If-Match}). */
    boolean etag() default false;
}
