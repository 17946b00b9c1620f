package io.codedrop.campaign.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Ids of the events already applied to the counts, written in the transaction that applies them. */
@ApplicationScoped
public class ProcessedEventRepository {
    /** Records the event; false when it was recorded before, i.e. this is a redelivery. */
    public Uni<Boolean> markProcessed(UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO processed_events (event_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    public Uni<Integer> forgetBefore(Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM processed_events WHERE processed_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate());
    }
}
