package io.codedrop.campaign.domain;

/** What events add to one campaign's code counts; negative when codes leave it. */
public record CountsDelta(long total, long used, long expired) {
    public static final CountsDelta NONE = new CountsDelta(0, 0, 0);
    public static final CountsDelta ONE_USED = new CountsDelta(0, 1, 0);

    public CountsDelta plus(CountsDelta other) {
        return new CountsDelta(total + other.total, used + other.used, expired + other.expired);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
