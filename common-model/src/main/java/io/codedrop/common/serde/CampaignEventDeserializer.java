package io.codedrop.common.serde;

import io.codedrop.common.event.CampaignEvent;

public class CampaignEventDeserializer extends EventDeserializer<CampaignEvent> {
    public CampaignEventDeserializer() {
        super(CampaignEvent.class);
    }
}
