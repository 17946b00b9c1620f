package io.codedrop.ingest.generation;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a range of a job's indexes into its codes; one instance per thread (the cipher is stateful). */
public final class CodeGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CodeSpace space;
    private final CodePermutation permutation;

    public CodeGenerator(CodeSpace space, byte[] key) {
        this.space = space;
        this.permutation = new CodePermutation(key, space.capacity());
    }

    /** A new random key for a job's permutation. */
    public static byte[] newKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Codes for indexes {@code [from, from + count)}; a code's row is its index plus one. */
    public List<BatchCode> codes(long from, int count, Platform platform, Instant expiresAt) {
        List<BatchCode> codes = new ArrayList<>(count);
        for (long index = from; index < from + count; index++) {
            codes.add(new BatchCode(code(index), platform, expiresAt, index + 1, Map.of()));
        }
        return codes;
    }

    String code(long index) {
        String charset = space.charset();
        int base = charset.length();
        char[] code = new char[space.randomLength() + space.indexedLength()];
        for (int i = 0; i < space.randomLength(); i++) {
            code[i] = charset.charAt(RANDOM.nextInt(base));
        }
        long value = permutation.apply(index);
        for (int i = code.length - 1; i >= space.randomLength(); i--) {
            code[i] = charset.charAt((int) (value % base));
            value /= base;
        }
        return space.prefix() + new String(code);
    }
}
