package io.codedrop.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. Members beyond the standard ones (for example {@code reason} or
 * {@code success} on the claim API) travel as extensions and are written at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ProblemDetail {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://codedrop.io/problems/";

    @JsonProperty
    private URI type;
    @JsonProperty
    private String title;
    @JsonProperty
    private int status;
    @JsonProperty
    private String detail;
    @JsonProperty
    private URI instance;
    @JsonProperty
    private List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemDetail() {
    }

    private ProblemDetail(URI type, String title, int status, String detail) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    /** A problem whose type URI is derived from a short slug such as {@code validation}. */
    public static ProblemDetail of(String slug, String title, int status, String detail) {
        return new ProblemDetail(URI.create(TYPE_BASE + slug), title, status, detail);
    }

    public ProblemDetail withErrors(List<FieldError> fieldErrors) {
        this.errors = List.copyOf(fieldErrors);
        return this;
    }

    public ProblemDetail withInstance(URI instanceUri) {
        this.instance = instanceUri;
        return this;
    }

    @JsonAnySetter
    public ProblemDetail with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public URI instance() {
        return instance;
    }

    public List<FieldError> errors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
