package io.codedrop.ingest.generation;

import java.math.BigInteger;

/**
 * The codes a generation draws from: a fixed prefix, then {@code length} characters of the charset.
 * The last characters (as many as fit 62 bits) are the permuted index and make every code of the job
 * distinct; any characters before them are drawn at random.
 */
public final class CodeSpace {
    private static final long MAX_INDEX_DOMAIN = 1L << 62;

    private final String prefix;
    private final String charset;
    private final int length;
    private final int indexedLength;
    private final long capacity;

    public CodeSpace(String prefix, String charset, int length) {
        this.prefix = prefix;
        this.charset = charset;
        this.length = length;
        int indexed = 0;
        long size = 1;
        while (indexed < length && size <= MAX_INDEX_DOMAIN / charset.length()) {
            size *= charset.length();
            indexed++;
        }
        this.indexedLength = indexed;
        this.capacity = size;
    }

    /** How many distinct codes one job can draw: charset^length, or 2^62-ish when that is larger. */
    public long capacity() {
        return capacity;
    }

    /** Every code of this shape: charset^length. */
    public BigInteger size() {
        return BigInteger.valueOf(charset.length()).pow(length);
    }

    String prefix() {
        return prefix;
    }

    String charset() {
        return charset;
    }

    int randomLength() {
        return length - indexedLength;
    }

    int indexedLength() {
        return indexedLength;
    }
}
