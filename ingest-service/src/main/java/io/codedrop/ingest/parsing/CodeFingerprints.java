package io.codedrop.ingest.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The set of codes seen in one file, kept as 128-bit digests in open-addressing arrays: 16 bytes a
 * code instead of a string and a hash-map node (about 100), so deduplicating a 100 000-code upload
 * costs a few megabytes. A digest collision would need about 2^64 codes; it is not a concern.
 */
final class CodeFingerprints {
    private final MessageDigest digest;
    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    CodeFingerprints() {
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides MD5", e);
        }
    }

    /** Adds the code; false when the file had it already. */
    boolean add(String code) {
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
        long h = hash.getLong();
        long l = hash.getLong();
        if (insert(h, l)) {
            if (++size * 2 > used.length) {
                grow();
            }
            return true;
        }
        return false;
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        int slot = (int) (l ^ (l >>> 32)) & mask;
        while (used[slot]) {
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        high[slot] = h;
        low[slot] = l;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }
}
