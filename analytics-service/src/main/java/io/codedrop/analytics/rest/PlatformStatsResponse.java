package io.codedrop.analytics.rest;

import io.codedrop.common.Platform;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Claim attempts of one platform on one UTC day; {@code conversion_rate} is fulfilled / total × 100, two decimals. */
public record PlatformStatsResponse(Platform platform, LocalDate date, long totalRequests, long fulfilledRequests,
                                    BigDecimal conversionRate) {
}
