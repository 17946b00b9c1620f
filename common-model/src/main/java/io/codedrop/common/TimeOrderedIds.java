package io.codedrop.common;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids in the UUID version 7 layout (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows keyed
 * by them are appended at the right edge of their index instead of on a random page of it, which is what
 * made inserts of random UUIDs costly in the tables every claim and every event writes. The ids name
 * records and events; they are not secrets, so a fast random source is enough.
 */
public final class TimeOrderedIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
        long low = VARIANT_RFC | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }
}
