package qc.esac.kit.web;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.core.JacksonException;

/** Names for the {@code field} of an error entry, as the client knows them (not Java's). */
final class ProblemFieldNames {

    private ProblemFieldNames() {
    }

    /** The request parameter, path variable or header name, else the Java parameter name. */
    static String parameter(MethodParameter parameter) {
        for (String candidate : new String[] {
                annotationName(parameter.getParameterAnnotation(RequestParam.class)),
                annotationName(parameter.getParameterAnnotation(PathVariable.class)),
                annotationName(parameter.getParameterAnnotation(RequestHeader.class))}) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }

    private static String annotationName(Object annotation) {
        if (annotation instanceof RequestParam a) {
            return a.name();
        }
        if (annotation instanceof PathVariable a) {
            return a.name();
        }
        if (annotation instanceof RequestHeader a) {
            return a.name();
        }
        return null;
    }

    /** Property path without the method and parameter nodes, which mean nothing to a client. */
    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (path.isEmpty()) {
            // A violation on a method parameter itself: its name is the last node.
            propertyPath.forEach(node -> {
                path.setLength(0);
                path.append(node.getName());
            });
        }
        return path.toString();
    }

    static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

}
