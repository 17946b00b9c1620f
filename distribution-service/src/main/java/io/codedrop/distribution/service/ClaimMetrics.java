package io.codedrop.distribution.service;

import io.codedrop.common.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claims answered, by platform and outcome (a request status, {@code busy} or {@code unknown_campaign}):
 * a handful of values each, so the series stay few. Counters are kept once looked up, the claim path
 * being too hot for a registry lookup per answer.
 */
@ApplicationScoped
public class ClaimMetrics {
    static final String CLAIMS = "codedrop.claims";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ClaimMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void answered(Platform platform, String outcome) {
        counters.computeIfAbsent(platform.label() + '/' + outcome, key ->
                registry.counter(CLAIMS, "platform", platform.label(), "outcome", outcome)).increment();
    }
}
