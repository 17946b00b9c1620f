package io.codedrop.ingest.generation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CodePermutationTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 37, 1000, 1024, 4097, 100_000})
    void isABijectionOnItsDomain(long domain) {
        CodePermutation permutation = new CodePermutation(CodeGenerator.newKey(), domain);

        long[] image = LongStream.range(0, domain).map(permutation::apply).sorted().toArray();

        assertArrayEquals(LongStream.range(0, domain).toArray(), image);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 40, (1L << 62) - 3})
    void spreadsLargeDomains(long domain) {
        CodePermutation permutation = new CodePermutation(CodeGenerator.newKey(), domain);

        Set<Long> values = new HashSet<>();
        LongStream.range(0, 10_000).forEach(i -> values.add(permutation.apply(i)));

        assertEquals(10_000, values.size());
        assertEquals(0, values.stream().filter(v -> v < 0 || v >= domain).count());
    }

    @ParameterizedTest
    @ValueSource(longs = {1000})
    void theKeyDecidesTheOrder(long domain) {
        byte[] key = CodeGenerator.newKey();
        long[] first = LongStream.range(0, domain).map(new CodePermutation(key, domain)::apply).toArray();
        long[] again = LongStream.range(0, domain).map(new CodePermutation(key, domain)::apply).toArray();
        long[] other = LongStream.range(0, domain).map(new CodePermutation(CodeGenerator.newKey(), domain)::apply)
                .toArray();

        assertArrayEquals(first, again);
        assertNotEquals(Arrays.toString(first), Arrays.toString(other));
    }
}
