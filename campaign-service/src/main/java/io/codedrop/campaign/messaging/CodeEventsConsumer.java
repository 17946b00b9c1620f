package io.codedrop.campaign.messaging;

import io.codedrop.campaign.service.CodeCountsService;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.StockEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Distribution's reports on codes, feeding each campaign's counts; a record is acknowledged once applied. */
@ApplicationScoped
public class CodeEventsConsumer {
    public static final String STOCK = "stock-in";
    public static final String CODE_REQUESTS = "code-requests-in";
    public static final String CODE_STATUS = "code-status-in";

    private final CodeCountsService counts;

    public CodeEventsConsumer(CodeCountsService counts) {
        this.counts = counts;
    }

    @Incoming(STOCK)
    public Uni<Void> stock(StockEvent event) {
        return counts.stocked(event);
    }

    @Incoming(CODE_REQUESTS)
    public Uni<Void> codeRequest(CodeRequestEvent event) {
        return counts.requested(event);
    }

    @Incoming(CODE_STATUS)
    public Uni<Void> codeStatus(CodeStatusEvent event) {
        return counts.statusChanged(event);
    }
}
