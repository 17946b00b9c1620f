package io.codedrop.common;

/** Kafka topic names, shared by producers, consumers and tests. */
public final class Topics {
    /** Compacted: the latest snapshot of every campaign, or a tombstone once deleted. */
    public static final String CAMPAIGNS = "campaigns";
    /** Validated codes on their way from ingest to distribution. */
    public static final String CODE_BATCHES = "code-batches";
    /** What distribution stocked from each batch. */
    public static final String STOCK = "stock";
    /** Every claim attempt and its outcome. */
    public static final String CODE_REQUESTS = "code-requests";
    /** Codes expired, withdrawn or redeemed after stocking. */
    public static final String CODE_STATUS = "code-status";

    private Topics() {
    }
}
