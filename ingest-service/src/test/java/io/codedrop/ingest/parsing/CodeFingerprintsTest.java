package io.codedrop.ingest.parsing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeFingerprintsTest {
    @Test
    void remembersEveryCodeAcrossGrowth() {
        CodeFingerprints seen = new CodeFingerprints();
        for (int i = 0; i < 50_000; i++) {
            assertTrue(seen.add("CODE-" + i));
        }
        for (int i = 0; i < 50_000; i += 7) {
            assertFalse(seen.add("CODE-" + i));
        }
        assertTrue(seen.add("code-1"), "codes are case-sensitive");
    }
}
