package io.codedrop.support.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/** What every service's meters share, so that one dashboard reads them all. */
@Singleton
public class MeterConventions {
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /**
     * Every meter tagged with the service's name ({@code application}), so a dashboard tells the services
     * apart whatever labels the Prometheus scrape adds (pods scraped by annotation all share one job).
     * Tests turn it off ({@code codedrop.metrics.application-tag=false}) so that they match exposition
     * lines without it.
     */
    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application,
                               @ConfigProperty(name = "codedrop.metrics.application-tag", defaultValue = "true")
                               boolean enabled) {
        return commonApplicationTag(application, enabled);
    }

    /**
     * HTTP server timings as histogram buckets (1 ms to 30 s), so p99 can be computed across replicas
     * with {@code histogram_quantile}; the URI tag is already collapsed to a few values, which keeps
     * the series few.
     */
    @Produces
    @Singleton
    MeterFilter httpServerHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }

    /** Disabled, a filter that changes nothing: {@code MeterFilter.accept()} would also overrule other filters' denials. */
    static MeterFilter commonApplicationTag(String application, boolean enabled) {
        return enabled ? MeterFilter.commonTags(List.of(Tag.of("application", application))) : new MeterFilter() {
        };
    }
}
