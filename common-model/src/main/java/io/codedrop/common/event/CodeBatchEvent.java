package io.codedrop.common.event;

import io.codedrop.common.TimeOrderedIds;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Up to about a thousand validated codes of one upload, in upload order. */
public record CodeBatchEvent(UUID eventId, String type, int version, Instant occurredAt, UUID campaignId,
                             UUID uploadId, int batchSeq, List<BatchCode> codes) implements DomainEvent {
    public static final String TYPE = "code-batch";

    public static CodeBatchEvent of(UUID campaignId, UUID uploadId, int batchSeq, List<BatchCode> codes) {
        return new CodeBatchEvent(TimeOrderedIds.next(), TYPE, 1, Instant.now(), campaignId, uploadId, batchSeq,
                List.copyOf(codes));
    }
}
