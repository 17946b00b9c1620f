package io.codedrop.analytics;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.RequestStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.codedrop.analytics.StatsEvents.claim;
import static io.codedrop.analytics.StatsEvents.rejected;
import static io.codedrop.analytics.StatsEvents.retry;
import static io.codedrop.analytics.StatsEvents.status;
import static io.codedrop.analytics.StatsEvents.stock;

/**
 * A campaign's life over four days: 100 iOS and 50 Android codes stocked; new claims on both
 * platforms on days 1, 3 and 4 (none on day 2); a retry; rejections of every kind; then expiry,
 * withdrawal and redemption. The expected numbers are worked out by hand in the constants.
 */
final class ScriptedHistory {
    static final LocalDate DAY_1 = LocalDate.of(2025, 3, 1);
    static final int TOTAL = 147;          // 100 iOS + 50 Android − 3 Android withdrawn
    static final int USED = 7;             // new claims: iOS 3 + 2, Android 1 + 1
    static final int EXPIRED = 6;          // iOS 4, Android 2
    static final int REMAINING = 134;      // 147 − 7 − 6
    static final float USAGE_RATE = 4.76f; // 7 / 147 × 100
    static final int IOS_TOTAL = 100;
    static final int IOS_USED = 5;
    static final int ANDROID_TOTAL = 47;
    static final int ANDROID_USED = 2;
    static final int[] DAILY_USED = {4, 0, 2, 1};
    static final int FULFILLED = 8;        // 7 new claims and 1 retry
    static final int NO_CODES_AVAILABLE = 2;
    static final int CAMPAIGN_INACTIVE = 1;
    static final int RATE_LIMITED = 1;
    static final int BLOCKED = 1;
    static final String LAST_UPDATED = "2025-03-04T23:00:00Z";

    private ScriptedHistory() {
    }

    static List<DomainEvent> of(UUID campaign) {
        List<DomainEvent> events = new ArrayList<>();
        events.add(stock(campaign, at(1, 8), Map.of(Platform.IOS, 100, Platform.ANDROID, 50)));
        for (int i = 0; i < 3; i++) {
            events.add(claim(campaign, Platform.IOS, at(1, 10 + i)));
        }
        events.add(claim(campaign, Platform.ANDROID, at(1, 23)));
        events.add(rejected(campaign, Platform.IOS, RequestStatus.RATE_LIMITED, at(2, 9)));
        events.add(rejected(campaign, Platform.IOS, RequestStatus.BLOCKED, at(2, 10)));
        events.add(claim(campaign, Platform.IOS, at(3, 0)));
        events.add(claim(campaign, Platform.IOS, at(3, 12)));
        events.add(retry(campaign, Platform.IOS, at(3, 13)));
        events.add(claim(campaign, Platform.ANDROID, at(4, 8)));
        events.add(rejected(campaign, Platform.ANDROID, RequestStatus.NO_CODES_AVAILABLE, at(4, 9)));
        events.add(rejected(campaign, Platform.ANDROID, RequestStatus.NO_CODES_AVAILABLE, at(4, 10)));
        events.add(rejected(campaign, Platform.ANDROID, RequestStatus.CAMPAIGN_INACTIVE, at(4, 11)));
        events.add(status(campaign, CodeStatusChange.WITHDRAWN, at(4, 12), Map.of(Platform.ANDROID, 3)));
        events.add(status(campaign, CodeStatusChange.REDEEMED, at(4, 13), Map.of(Platform.IOS, 2)));
        events.add(status(campaign, CodeStatusChange.EXPIRED, at(4, 23), Map.of(Platform.IOS, 4, Platform.ANDROID, 2)));
        return events;
    }

    /** {@code hour} o'clock UTC on day {@code day} (1 to 4) of the history. */
    static Instant at(int day, int hour) {
        return DAY_1.plusDays(day - 1L).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
