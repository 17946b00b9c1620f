package io.codedrop.support.problem;

import io.codedrop.common.problem.FieldError;
import io.codedrop.common.problem.ProblemDetail;

import java.util.List;

/** The problem documents every service answers with, so that one kind of failure always looks the same. */
public final class Problems {
    private Problems() {
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemDetail.of("not-found", "Not Found", 404, what + " was not found"));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(ProblemDetail.of(slug, "Conflict", 409, detail));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(validation(errors));
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(ProblemDetail.of(slug, "Unprocessable Content", 422, detail));
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        return ProblemDetail.of("validation", "Bad Request", 400, "the request has invalid fields")
                .withErrors(errors);
    }

    public static ProblemDetail malformed(String detail) {
        return ProblemDetail.of("malformed-request", "Bad Request", 400, detail);
    }

    public static ProblemDetail unauthorized() {
        return ProblemDetail.of("unauthorized", "Unauthorized", 401, "a valid bearer token is required");
    }

    public static ProblemDetail forbidden() {
        return ProblemDetail.of("forbidden", "Forbidden", 403, "this action needs rights you do not have");
    }

    public static ProblemDetail internal() {
        return ProblemDetail.of("internal", "Internal Server Error", 500,
                "the request could not be completed; it has been logged");
    }
}
