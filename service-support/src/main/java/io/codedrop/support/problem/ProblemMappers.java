package io.codedrop.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.codedrop.common.problem.FieldError;
import io.codedrop.common.problem.ProblemDetail;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into an RFC 9457 problem document; nothing leaks a class name or a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(FieldNames.of(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return respond(Problems.validation(errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        String field = FieldNames.of(e.getPath());
        if (field.isEmpty()) {
            return respond(Problems.malformed("the request body is not valid JSON for this endpoint"));
        }
        return respond(Problems.validation(List.of(new FieldError(field, FieldNames.reason(e)))));
    }

    /** Declared separately because Quarkus ships its own mapper for this subtype. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problems.malformed("the request body is not well-formed JSON"));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problems.forbidden());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return respond(ProblemDetail.of(slug, status.getReasonPhrase(), status.getStatusCode(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return respond(Problems.internal());
    }

    private static Response unauthenticated() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(Problems.unauthorized())
                .build();
    }

    static Response respond(ProblemDetail problem) {
        return Response.status(problem.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** Field names as the client wrote them (snake_case JSON paths), derived from violations and parse errors. */
    static final class FieldNames {
        private FieldNames() {
        }

        static String of(ConstraintViolation<?> violation) {
            String path = violation.getPropertyPath().toString();
            // "create.request.name" -> "name": drop the method and parameter segments of a method violation
            String[] parts = path.split("\\.");
            String field = parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
            return snake(field);
        }

        static String of(List<JsonMappingException.Reference> path) {
            return path.stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }

        static String reason(JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
            return "has the wrong type or format";
        }

        private static String snake(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
        }
    }
}
