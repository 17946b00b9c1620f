package io.codedrop.support.observability;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Tags every meter with the service's name ({@code application}), so a dashboard tells the services
 * apart whatever labels the Prometheus scrape adds (pods scraped by annotation all share one job).
 * Tests turn it off ({@code codedrop.metrics.application-tag=false}) so that they match exposition
 * lines without it.
 */
@Singleton
public class ApplicationTag {
    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application,
                               @ConfigProperty(name = "codedrop.metrics.application-tag", defaultValue = "true")
                               boolean enabled) {
        return of(application, enabled);
    }

    /** Disabled, a filter that changes nothing: {@code MeterFilter.accept()} would also overrule other filters' denials. */
    static MeterFilter of(String application, boolean enabled) {
        return enabled ? MeterFilter.commonTags(List.of(Tag.of("application", application))) : new MeterFilter() {
        };
    }
}
