package io.codedrop.distribution.stocking;

import java.util.UUID;

/** A batch arrived before its campaign's snapshot; stocking is retried for a while before rejecting. */
public class CampaignNotYetKnown extends RuntimeException {
    public CampaignNotYetKnown(UUID campaignId) {
        super("campaign " + campaignId + " is not known yet", null, false, false);
    }
}
