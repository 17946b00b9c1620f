package io.codedrop.ingest.messaging;

import io.codedrop.common.event.StockEvent;
import io.codedrop.ingest.service.StockService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Distribution's reports on the batches it stocked; they move jobs to completed or failed. */
@ApplicationScoped
public class StockConsumer {
    public static final String CHANNEL = "stock-in";

    private final StockService stock;

    public StockConsumer(StockService stock) {
        this.stock = stock;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(StockEvent event) {
        return stock.apply(event);
    }
}
