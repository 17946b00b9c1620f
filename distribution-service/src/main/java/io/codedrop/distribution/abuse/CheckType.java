package io.codedrop.distribution.abuse;

import java.util.Locale;

/** The fraud checks of seed 004, as stored in fraud_checks.check_type. */
public enum CheckType {
    IP_DUPLICATE, DEVICE_DUPLICATE, VELOCITY_LIMIT, CROSS_CAMPAIGN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
