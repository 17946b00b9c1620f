package io.codedrop.ingest.parsing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an expiry as ISO-8601: an instant or offset date-time as given, a local date-time as UTC, and
 * a bare date as the end of that day in UTC (the code is good through the whole day).
 */
public final class Expiry {
    private Expiry() {
    }

    /** @throws DateTimeParseException when the text is not an ISO-8601 date or date-time */
    public static Instant parse(String text) {
        String value = text.trim();
        if (value.length() == 10) {
            return LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String isoValue = value.length() > 10 && value.charAt(10) == ' '
                ? value.substring(0, 10) + 'T' + value.substring(11)
                : value;
        try {
            return OffsetDateTime.parse(isoValue).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(isoValue).toInstant(ZoneOffset.UTC);
        }
    }
}
