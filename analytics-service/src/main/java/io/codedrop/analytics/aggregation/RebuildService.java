package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.config.AnalyticsConfig;
import io.codedrop.analytics.domain.StatsBatch;
import io.codedrop.analytics.mapping.StatsMapper;
import io.codedrop.analytics.messaging.ChangeSignals;
import io.codedrop.analytics.messaging.TopicReplay;
import io.codedrop.analytics.messaging.TopicReplay.Batch;
import io.codedrop.analytics.repository.RebuildRepository;
import io.codedrop.analytics.repository.RebuildRepository.Rebuild;
import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.analytics.rest.RebuildResponse;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Rebuilds the aggregates from the topics while the service keeps running. The aggregates, the
 * record of applied events and the live consumers' positions are emptied in one transaction, then
 * the topics are replayed from the beginning up to the ends they had at that moment, through the
 * same exactly-once path as live consumption. Every event is then counted exactly once whoever
 * applies it: an event the live consumers applied before the truncation was erased with it and is
 * replayed; one they apply after is recorded, and the replay skips it; one published after the
 * replay started is beyond its end and left to them. Numbers climb back while it runs; the result
 * equals incremental processing as long as the topics still hold every event (retention unlimited
 * on stock, code-requests, code-status).
 */
@ApplicationScoped
public class RebuildService {
    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final RebuildRepository rebuilds;
    private final StatsRepository stats;
    private final StatsUpdater updater;
    private final TopicReplay replay;
    private final ChangeSignals signals;
    private final AnalyticsConfig config;

    public RebuildService(RebuildRepository rebuilds, StatsRepository stats, StatsUpdater updater, TopicReplay replay,
                          ChangeSignals signals, AnalyticsConfig config) {
        this.rebuilds = rebuilds;
        this.stats = stats;
        this.updater = updater;
        this.replay = replay;
        this.signals = signals;
        this.config = config;
    }

    /** Starts a rebuild in the background on this replica; 409 while another one runs. */
    public Uni<RebuildResponse> start(Developer operator) {
        return rebuilds.start(operator.subject(), config.rebuild().staleAfter())
                .onItem().ifNull().failWith(() -> Problems.conflict("rebuild-running", "a rebuild is already running"))
                .invoke(rebuild -> run(rebuild.id()))
                .map(StatsMapper::toResponse);
    }

    public Uni<RebuildResponse> status(UUID id) {
        return rebuilds.find(id)
                .onItem().ifNull().failWith(() -> Problems.notFound("rebuild " + id))
                .map(StatsMapper::toResponse);
    }

    private void run(UUID id) {
        stats.truncate()
                .chain(() -> replay.replay(config.rebuild().batchSize())
                        .onItem().transformToUniAndConcatenate(batch -> apply(id, batch))
                        .collect().last())
                .chain(() -> rebuilds.finish(id, Rebuild.COMPLETED, null))
                .onFailure().call(failure -> rebuilds.finish(id, Rebuild.FAILED, failure.getMessage()))
                .subscribe().with(
                        done -> LOG.infof("rebuild %s completed", id),
                        failure -> LOG.errorf(failure, "rebuild %s failed", id));
    }

    private Uni<Void> apply(UUID id, Batch batch) {
        return updater.apply(StatsBatch.replayed(batch.events()))
                .call(applied -> signals.publish(applied.campaigns()))
                .chain(applied -> rebuilds.progress(id, batch.records(), applied.events().size()));
    }
}
