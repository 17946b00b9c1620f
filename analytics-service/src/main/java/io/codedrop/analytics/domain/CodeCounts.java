package io.codedrop.analytics.domain;

import io.codedrop.common.event.CodeStatusChange;

/** Codes of one campaign and platform by what happened to them, as counted from events. */
public record CodeCounts(long stocked, long used, long expired, long withdrawn, long redeemed) {
    static final CodeCounts NONE = new CodeCounts(0, 0, 0, 0, 0);
    static final CodeCounts USED_ONE = new CodeCounts(0, 1, 0, 0, 0);

    static CodeCounts stocked(long count) {
        return new CodeCounts(count, 0, 0, 0, 0);
    }

    static CodeCounts of(CodeStatusChange change, long count) {
        return switch (change) {
            case EXPIRED -> new CodeCounts(0, 0, count, 0, 0);
            case WITHDRAWN -> new CodeCounts(0, 0, 0, count, 0);
            case REDEEMED -> new CodeCounts(0, 0, 0, 0, count);
        };
    }

    CodeCounts plus(CodeCounts other) {
        return new CodeCounts(stocked + other.stocked, used + other.used, expired + other.expired,
                withdrawn + other.withdrawn, redeemed + other.redeemed);
    }

    boolean isNone() {
        return equals(NONE);
    }

    /** Codes that are part of the campaign's pool: withdrawn codes left it. */
    public long total() {
        return stocked - withdrawn;
    }
}
