package io.codedrop.support.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id that its log lines carry (MDC key {@code request_id}, a field of the JSON
 * logs) and that its answer echoes in {@code X-Request-Id}: the caller's own id when it sent a sane
 * one, so a trace can be followed from a gateway or a client, otherwise a new one. The MDC lives on
 * the request's Vert.x duplicated context, so log lines written after a reactive hop still carry it.
 */
public class RequestIdFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    static final int MAX_LENGTH = 64;
    /** What a log line may safely carry: no spaces, quotes or control characters a client could forge lines with. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
    private static final String PROPERTY = RequestIdFilter.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = sanitise(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof String id) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The caller's id if it is short and plain, else a fresh one (a bad id is replaced, not truncated, so it cannot collide). */
    static String sanitise(String candidate) {
        if (candidate != null && SAFE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
