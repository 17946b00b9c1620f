package io.codedrop.common.problem;

/** One invalid input field of a validation problem. */
public record FieldError(String field, String message) {
}
