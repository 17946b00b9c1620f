package io.codedrop.distribution.campaign;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.serde.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Campaigns as the claim path shows them (name, app name, store ids), read from the local read model
 * at most once a second per campaign and replica, one read at a time however many claims wait for
 * it. Only the first claim of a campaign waits for a read: later ones get the last good snapshot while
 * the next is read. Only presentation comes from here: the rules that decide a claim are read under
 * the lock.
 */
@ApplicationScoped
public class CampaignCatalog {
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();
    private static final String FIND = "SELECT snapshot::text AS snapshot FROM campaign_view WHERE id = $1 AND NOT deleted";

    private final Pool pool;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    public CampaignCatalog(Pool pool) {
        this.pool = pool;
    }

    /** The campaign, or null when it is unknown or deleted. */
    public Uni<CampaignSnapshot> find(UUID campaignId) {
        Entry entry = entries.compute(campaignId, (id, current) ->
                current != null && current.isFresh() ? current : new Entry(load(id), current));
        return Uni.createFrom().completionStage(entry.answer());
    }

    private CompletableFuture<CampaignSnapshot> load(UUID campaignId) {
        return pool.preparedQuery(FIND)
                .execute(Tuple.of(campaignId))
                .map(rows -> rows.size() == 0 ? null : decode(rows.iterator().next()))
                .subscribeAsCompletionStage();
    }

    private static CampaignSnapshot decode(Row row) {
        return EventJson.read(row.getString("snapshot").getBytes(StandardCharsets.UTF_8), CampaignSnapshot.class);
    }

    private static final class Entry {
        private final CompletableFuture<CampaignSnapshot> reading;
        /** The newest read that succeeded before this one, answered until this one succeeds; null if none did. */
        private final CompletableFuture<CampaignSnapshot> previous;
        private final long readAt = System.nanoTime();

        private Entry(CompletableFuture<CampaignSnapshot> reading, Entry before) {
            this.reading = reading;
            this.previous = before == null ? null : before.lastGood();
        }

        private CompletableFuture<CampaignSnapshot> answer() {
            CompletableFuture<CampaignSnapshot> good = lastGood();
            return good == null ? reading : good;
        }

        private CompletableFuture<CampaignSnapshot> lastGood() {
            boolean read = reading.isDone() && !reading.isCompletedExceptionally();
            return read ? reading : previous;
        }

        /** A failed read is never reused; a good one for a second. */
        private boolean isFresh() {
            return !reading.isCompletedExceptionally() && System.nanoTime() - readAt < FRESH_NANOS;
        }
    }
}
