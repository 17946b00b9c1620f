package io.codedrop.analytics.messaging;

import io.codedrop.analytics.aggregation.StatsStreams;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells every replica which campaigns' statistics changed, over Redis pub/sub: the replica that
 * applied a batch is rarely the one holding a campaign's live streams. Pub/sub is at most once, so
 * a lost signal only delays a stream until its replica's safety poll of versions (see
 * {@link StatsStreams}); a failed publish never fails the consumption that caused it.
 */
@ApplicationScoped
public class ChangeSignals {
    static final String CHANNEL = "analytics:campaign-changed";
    private static final Logger LOG = Logger.getLogger(ChangeSignals.class);

    private final ReactivePubSubCommands<String> pubsub;
    private final StatsStreams streams;
    private Cancellable subscription;

    public ChangeSignals(ReactiveRedisDataSource redis, StatsStreams streams) {
        this.pubsub = redis.pubsub(String.class);
        this.streams = streams;
    }

    void start(@Observes StartupEvent event) {
        subscription = pubsub.subscribe(CHANNEL)
                .onFailure().invoke(failure -> LOG.warnf("change signals unavailable, streams rely on polling: %s",
                        failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(this::received);
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Announces changed campaigns, in one message per applied batch. */
    public Uni<Void> publish(Collection<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String message = campaignIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        return pubsub.publish(CHANNEL, message)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("change signal not published, streams will catch up by polling: %s", failure.getMessage());
                    return null;
                });
    }

    private void received(String message) {
        streams.changed(Arrays.stream(message.split(","))
                .map(UUID::fromString)
                .toList());
    }
}
