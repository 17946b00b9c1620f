package io.codedrop.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Lifecycle of a campaign; only {@link #ACTIVE} campaigns hand out codes. */
public enum CampaignStatus {
    ACTIVE, PAUSED, COMPLETED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CampaignStatus fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
