package io.codedrop.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the outbox relay. */
@ConfigMapping(prefix = "codedrop.outbox")
public interface OutboxConfig {
    /** Build time: whether this service relays an outbox (only services that publish events have the table). */
    @WithDefault("false")
    boolean relayEnabled();

    /** Most messages sent to Kafka and deleted in one relay transaction. */
    @WithDefault("1000")
    int batchSize();

    /**
     * How long a notification waits before its drain starts, so that the commits of that time leave in
     * one transaction and one send: at 1 000 claims/s a drain per allocation batch was ~200 drains a
     * second, each four statements and a broker round trip, for five events apiece.
     */
    @WithDefault("20ms")
    Duration linger();

    /** Safety poll for messages whose notification was missed or whose send failed (broker down). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How often the backlog gauges (pending rows, oldest age) are sampled by a query: often enough for a dashboard, never per request. */
    @WithDefault("5s")
    Duration metricsInterval();
}
