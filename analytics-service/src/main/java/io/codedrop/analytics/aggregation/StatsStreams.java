package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.aggregation.CampaignStatsService.StatsDocument;
import io.codedrop.analytics.config.AnalyticsConfig;
import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.analytics.repository.StatsRepository.StreamVersion;
import io.codedrop.analytics.rest.CampaignStatsResponse;
import io.codedrop.support.identity.Developer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live statistics streams held by this replica. Changes reach it two ways: change signals from
 * whichever replica applied the events (Redis pub/sub, see {@code ChangeSignals}), and a safety poll
 * of every streamed campaign's version in one query, for signals that were lost. Either only marks a
 * campaign; a timer then pushes each marked campaign at most once per interval, reading its document
 * once for all its streams, and only when its version moved — so a burst of claims costs a stream a
 * few documents a second, not one per claim.
 */
@ApplicationScoped
public class StatsStreams {
    private static final Logger LOG = Logger.getLogger(StatsStreams.class);
    private static final String OPEN_STREAMS = "codedrop.analytics.streams";

    private final CampaignStatsService documents;
    private final StatsRepository stats;
    private final Vertx vertx;
    private final AnalyticsConfig config;
    private final Map<UUID, Set<Subscriber>> streams = new ConcurrentHashMap<>();
    private final Set<UUID> marked = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pushing = new AtomicBoolean();
    private volatile long lastPoll = System.nanoTime();
    private long timer;

    public StatsStreams(CampaignStatsService documents, StatsRepository stats, Vertx vertx, AnalyticsConfig config,
                        MeterRegistry registry) {
        this.documents = documents;
        this.stats = stats;
        this.vertx = vertx;
        this.config = config;
        Gauge.builder(OPEN_STREAMS, this, StatsStreams::openStreams)
                .description("live statistics streams open on this replica")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.stream().pushInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        streams.values().forEach(subscribers -> subscribers.forEach(subscriber -> subscriber.emitter.complete()));
    }

    /**
     * The campaign's document now and whenever it changes. The Uni fails with 404 for a caller who
     * may not read the campaign, before anything is streamed; the stream completes once they no
     * longer may (campaign deleted, reader removed).
     */
    public Uni<Multi<CampaignStatsResponse>> open(Developer caller, UUID campaignId) {
        return documents.readable(caller, campaignId)
                .map(first -> Multi.createFrom().<CampaignStatsResponse>emitter(emitter -> {
                    Subscriber subscriber = new Subscriber(caller, emitter, first);
                    emitter.onTermination(() -> remove(campaignId, subscriber));
                    emitter.emit(first.stats());
                    streams.compute(campaignId, (id, subscribers) -> {
                        Set<Subscriber> set = subscribers != null ? subscribers : ConcurrentHashMap.newKeySet();
                        set.add(subscriber);
                        return set;
                    });
                    // a change committed between the first read and the registration must not wait for the next one
                    marked.add(campaignId);
                }, BackPressureStrategy.LATEST));
    }

    /** Campaigns whose statistics changed somewhere; those streamed here are pushed on the next tick. */
    public void changed(Collection<UUID> campaignIds) {
        campaignIds.stream()
                .filter(streams::containsKey)
                .forEach(marked::add);
    }

    private int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(UUID campaignId, Subscriber subscriber) {
        streams.computeIfPresent(campaignId, (id, subscribers) -> {
            subscribers.remove(subscriber);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    private void tick() {
        if (!pushing.compareAndSet(false, true)) {
            return;
        }
        Set<UUID> due = takeDue();
        if (due.isEmpty()) {
            pushing.set(false);
            return;
        }
        // the campaign read model is read through a Hibernate Reactive session, which needs its own safe context
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> push(due).subscribe().with(
                done -> pushing.set(false),
                failure -> {
                    LOG.warnf("live statistics push failed, retrying on the next tick: %s", failure.getMessage());
                    marked.addAll(due);
                    pushing.set(false);
                }));
    }

    private Set<UUID> takeDue() {
        Set<UUID> due = new HashSet<>();
        long now = System.nanoTime();
        if (now - lastPoll >= config.stream().pollInterval().toNanos()) {
            lastPoll = now;
            due.addAll(streams.keySet());
        }
        for (UUID campaignId : Set.copyOf(marked)) {
            marked.remove(campaignId);
            due.add(campaignId);
        }
        due.retainAll(streams.keySet());
        return due;
    }

    private Uni<Void> push(Set<UUID> due) {
        return stats.streamVersions(due)
                .chain(versions -> Multi.createFrom().iterable(due)
                        .select().where(campaignId -> behind(campaignId, versions.get(campaignId)))
                        // one after another: the reads share this context's Hibernate Reactive session
                        .onItem().transformToUni(campaignId -> documents.current(campaignId)
                                .invoke(document -> deliver(campaignId, document)))
                        .concatenate()
                        .collect().last())
                .replaceWithVoid();
    }

    private boolean behind(UUID campaignId, StreamVersion version) {
        Set<Subscriber> subscribers = streams.get(campaignId);
        return subscribers != null && subscribers.stream()
                .anyMatch(subscriber -> !Objects.equals(subscriber.version, version));
    }

    private void deliver(UUID campaignId, StatsDocument document) {
        Set<Subscriber> subscribers = streams.getOrDefault(campaignId, Set.of());
        for (Subscriber subscriber : subscribers) {
            if (document == null || !document.view().readableBy(subscriber.developer)) {
                subscriber.emitter.complete();
            } else {
                subscriber.offer(document);
            }
        }
    }

    /** One open stream: who holds it (re-checked on every push) and what it was last sent. */
    private static final class Subscriber {
        private final Developer developer;
        private final MultiEmitter<? super CampaignStatsResponse> emitter;
        private volatile StreamVersion version;
        private volatile CampaignStatsResponse sent;

        Subscriber(Developer developer, MultiEmitter<? super CampaignStatsResponse> emitter, StatsDocument first) {
            this.developer = developer;
            this.emitter = emitter;
            this.version = first.version();
            this.sent = first.stats();
        }

        void offer(StatsDocument document) {
            version = document.version();
            if (!document.stats().equals(sent)) {
                sent = document.stats();
                emitter.emit(document.stats());
            }
        }
    }
}
