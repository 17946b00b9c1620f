package io.codedrop.campaign.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as Postgres keeps them (microseconds), so a snapshot carries exactly what a later read returns. */
final class Timestamps {
    private Timestamps() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A modification time strictly after {@code previous}: read models apply a snapshot only when it is
     * newer, so two changes within one clock tick (or a clock step back) must still be ordered.
     */
    static Instant after(Instant previous) {
        Instant now = now();
        return now.isAfter(previous) ? now : previous.plus(1, ChronoUnit.MICROS);
    }
}
