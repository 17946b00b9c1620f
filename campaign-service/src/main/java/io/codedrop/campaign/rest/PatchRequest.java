package io.codedrop.campaign.rest;

import java.util.HashSet;
import java.util.Set;

/**
 * A PATCH body with JSON merge-patch meaning (RFC 7396): a member the client left out stays as it is,
 * a member sent as null is cleared. Records cannot tell the two apart, so setters report what was sent.
 */
public abstract class PatchRequest {
    private final Set<String> sent = new HashSet<>();
    private final Set<String> sentAsNull = new HashSet<>();

    /** Called by each setter with its Java property name. */
    protected final void sent(String property, Object value) {
        sent.add(property);
        if (value == null) {
            sentAsNull.add(property);
        }
    }

    public boolean has(String property) {
        return sent.contains(property);
    }

    public boolean sentAsNull(String property) {
        return sentAsNull.contains(property);
    }
}
