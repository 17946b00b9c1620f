package io.codedrop.common.serde;

import io.codedrop.common.event.StockEvent;

public class StockEventDeserializer extends EventDeserializer<StockEvent> {
    public StockEventDeserializer() {
        super(StockEvent.class);
    }
}
