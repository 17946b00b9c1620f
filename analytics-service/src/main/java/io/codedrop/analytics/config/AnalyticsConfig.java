package io.codedrop.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the statistics API, its live streams and rebuilds. */
@ConfigMapping(prefix = "codedrop.analytics")
public interface AnalyticsConfig {
    Stream stream();

    Platforms platforms();

    Rebuild rebuild();

    ProcessedEvents processedEvents();

    /** Live statistics streams (SSE). */
    interface Stream {
        /** Coalescing window: a stream gets at most one document per interval however many events arrive. */
        @WithDefault("250ms")
        Duration pushInterval();

        /** Safety poll of every streamed campaign's version, for change signals lost on the way (Redis down). */
        @WithDefault("2s")
        Duration pollInterval();

        /** SSE comment sent on quiet streams so proxies and clients keep the connection open. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    /** The per-platform report. */
    interface Platforms {
        /** Days reported when the caller gives no {@code from}: the last N UTC days up to {@code to}. */
        @WithDefault("30")
        int defaultDays();

        /** Longest range accepted, in days, both ends included. */
        @WithDefault("366")
        int maxDays();
    }

    /** Rebuilding the aggregates from the topics. */
    interface Rebuild {
        /** Most records read from Kafka and applied in one transaction. */
        @WithDefault("1000")
        int batchSize();

        /** A running rebuild whose progress has not moved for this long is taken as abandoned (its replica died). */
        @WithDefault("2m")
        Duration staleAfter();
    }

    /** Forgetting applied event ids; consumer positions keep guarding against records read again. */
    interface ProcessedEvents {
        /**
         * How long an applied event id is remembered. Records read again (a rebalance, an offset
         * reset) are caught by the consumer positions however old; the ids only have to catch a
         * producer's second copy of an event, which its outbox relay sends within minutes.
         */
        @WithDefault("7d")
        Duration retention();

        /** How often ids older than the retention are forgotten. */
        @WithDefault("1h")
        Duration cleanupInterval();

        /** Most ids forgotten by one statement, so a busy day's ids never become one long transaction. */
        @WithDefault("10000")
        int cleanupChunk();
    }
}
