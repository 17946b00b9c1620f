package io.codedrop.distribution.codes;

import io.codedrop.distribution.privacy.UserAgentFamily;
import io.codedrop.support.identity.Developer;

/** Who did something to a code, as the audit trail records it: the developer or the system, from where. */
public record Actor(String subject, String ipAddress, String userAgent) {
    /** Scheduled jobs. */
    public static final Actor SYSTEM = new Actor("system", null, null);

    /** A developer's request; the user agent is kept as its browser/OS family only. */
    public static Actor of(Developer developer, String ipAddress, String userAgent) {
        return new Actor(developer.subject(), ipAddress, UserAgentFamily.of(userAgent));
    }
}
