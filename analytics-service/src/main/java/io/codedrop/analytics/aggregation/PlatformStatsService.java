package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.config.AnalyticsConfig;
import io.codedrop.analytics.mapping.StatsMapper;
import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.analytics.rest.PlatformStatsResponse;
import io.codedrop.common.api.PageResponse;
import io.codedrop.common.problem.FieldError;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Claim attempts and conversion per platform and UTC day, over the campaigns the caller may read. */
@ApplicationScoped
public class PlatformStatsService {
    private final StatsRepository stats;
    private final AnalyticsConfig config;
    private final Clock clock = Clock.systemUTC();

    public PlatformStatsService(StatsRepository stats, AnalyticsConfig config) {
        this.stats = stats;
        this.config = config;
    }

    public Uni<PageResponse<PlatformStatsResponse>> platforms(Developer caller, String from, String to, int page,
                                                              int size) {
        return Uni.createFrom().item(() -> range(from, to))
                .chain(range -> Uni.combine().all()
                        .unis(stats.platformDays(caller.subject(), caller.admin(), range.from(), range.to(), page, size),
                                stats.countPlatformDays(caller.subject(), caller.admin(), range.from(), range.to()))
                        .with((days, total) -> new PageResponse<>(
                                days.stream().map(StatsMapper::toResponse).toList(), page, size, total)));
    }

    /**
     * Both ends included. Without {@code to} the range ends today (UTC); without {@code from} it
     * spans the configured default number of days up to {@code to}.
     */
    DateRange range(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = parse("to", to, LocalDate.now(clock), errors);
        LocalDate start = parse("from", from, end == null ? null : end.minusDays(config.platforms().defaultDays() - 1L),
                errors);
        if (start != null && end != null) {
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            if (days < 1) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (days > config.platforms().maxDays()) {
                errors.add(new FieldError("to", "the range may span at most " + config.platforms().maxDays() + " days"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new DateRange(start, end);
    }

    private static LocalDate parse(String field, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    record DateRange(LocalDate from, LocalDate to) {
    }
}
