package io.codedrop.ingest.generation;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * A secret-keyed pseudorandom permutation of {@code [0, domain)}: a balanced Feistel network whose
 * round function is AES under the job's random key, restricted to the domain by cycle walking (the
 * construction of format-preserving encryption). Index i maps to a distinct, unpredictable value,
 * so the i-th generated code never repeats an earlier one and nothing has to be remembered to know
 * that; a resumed or topped-up job just continues at the next index.
 */
final class CodePermutation {
    private static final int ROUNDS = 8;
    private static final int BLOCK = 16;

    private final long domain;
    private final int half;
    private final long mask;
    private final Cipher cipher;
    private final byte[] input = new byte[BLOCK];
    private final byte[] output = new byte[BLOCK];

    CodePermutation(byte[] key, long domain) {
        if (domain < 1) {
            throw new IllegalArgumentException("empty domain");
        }
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(domain - 1));
        this.domain = domain;
        this.half = (bits + 1) / 2;
        this.mask = (1L << half) - 1;
        try {
            // ECB over a single block is AES used as a keyed function, which is all a Feistel round needs
            cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JVM", e);
        }
    }

    long apply(long index) {
        if (index < 0 || index >= domain) {
            throw new IllegalArgumentException("index " + index + " outside [0, " + domain + ")");
        }
        long value = encrypt(index);
        while (value >= domain) {
            value = encrypt(value);
        }
        return value;
    }

    private long encrypt(long value) {
        long left = value >>> half;
        long right = value & mask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ roundFunction(round, right);
            left = right;
            right = next;
        }
        return (left << half) | right;
    }

    private long roundFunction(int round, long value) {
        ByteBuffer.wrap(input).put(0, (byte) round).putLong(1, value);
        try {
            cipher.doFinal(input, 0, BLOCK, output, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES on one block cannot fail", e);
        }
        return ByteBuffer.wrap(output).getLong(0) & mask;
    }
}
