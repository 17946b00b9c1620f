package io.codedrop.ingest.generation;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeGeneratorTest {
    private static final String CHARSET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Test
    void codesHaveThePrefixLengthAndCharsetAndNeverRepeat() {
        CodeGenerator generator = new CodeGenerator(new CodeSpace("SUMMER-", CHARSET, 12), CodeGenerator.newKey());
        Instant expiry = Instant.parse("2099-01-01T00:00:00Z");

        List<BatchCode> codes = generator.codes(0, 100_000, Platform.IOS, expiry);

        assertEquals(100_000, codes.stream().map(BatchCode::code).collect(Collectors.toSet()).size());
        assertTrue(codes.stream().allMatch(code -> code.code().matches("SUMMER-[" + CHARSET + "]{12}")));
        assertEquals(1, codes.get(0).row());
        assertEquals(Platform.IOS, codes.get(5).platform());
        assertEquals(expiry, codes.get(5).expiresAt());
    }

    @Test
    void aSmallSpaceIsUsedUpExactlyWithoutRepeats() {
        CodeSpace space = new CodeSpace("", "AB", 10);
        CodeGenerator generator = new CodeGenerator(space, CodeGenerator.newKey());

        Set<String> codes = new HashSet<>();
        generator.codes(0, 1024, Platform.WEB, null).forEach(code -> codes.add(code.code()));

        assertEquals(1024, space.capacity());
        assertEquals(1024, codes.size());
    }

    @Test
    void aResumedJobContinuesTheSameSequence() {
        byte[] key = CodeGenerator.newKey();
        CodeSpace space = new CodeSpace("", CHARSET, 8);

        List<BatchCode> whole = new CodeGenerator(space, key).codes(0, 2000, Platform.WEB, null);
        List<BatchCode> resumed = new CodeGenerator(space, key).codes(1000, 1000, Platform.WEB, null);

        assertEquals(whole.subList(1000, 2000), resumed);
    }

    @Test
    void wideCodesIndexTheirTailAndDrawTheRestAtRandom() {
        CodeSpace space = new CodeSpace("", CHARSET + "abcdefghijkmnpqrstuvwxyz", 40);

        assertEquals(BigInteger.valueOf(56).pow(40), space.size());
        assertTrue(space.capacity() > 1L << 55);
        assertEquals(40, new CodeGenerator(space, CodeGenerator.newKey()).code(7).length());
    }
}
