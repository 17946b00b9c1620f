package io.codedrop.support.campaign;

import io.codedrop.common.event.CampaignEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/** Keeps {@link CampaignView} current from the compacted campaigns topic; idempotent by snapshot time. */
@ApplicationScoped
@IfBuildProperty(name = "codedrop.campaign-view.enabled", stringValue = "true")
public class CampaignViewConsumer {
    public static final String CHANNEL = "campaigns-in";

    private final CampaignViewRepository views;

    public CampaignViewConsumer(CampaignViewRepository views) {
        this.views = views;
    }

    @Incoming(CHANNEL)
    @WithTransaction
    public Uni<Void> consume(ConsumerRecord<String, CampaignEvent> record) {
        UUID id = UUID.fromString(record.key());
        CampaignEvent event = record.value();
        return views.findById(id)
                .chain(existing -> event == null ? delete(existing) : upsert(existing, event))
                .replaceWithVoid();
    }

    private Uni<?> upsert(CampaignView existing, CampaignEvent event) {
        if (existing == null) {
            return views.persist(new CampaignView(event.campaign()));
        }
        existing.apply(event.campaign());
        return Uni.createFrom().voidItem();
    }

    private Uni<?> delete(CampaignView existing) {
        if (existing != null) {
            existing.markDeleted();
        }
        return Uni.createFrom().voidItem();
    }
}
