package io.codedrop.distribution.codes;

import java.util.Locale;

/** What the code audit trail records besides claims (which are the claims table). */
public enum AuditAction {
    EXPIRED, WITHDRAWN, REDEEMED, REVEALED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
