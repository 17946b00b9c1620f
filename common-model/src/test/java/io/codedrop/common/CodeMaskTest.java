package io.codedrop.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeMaskTest {
    @ParameterizedTest
    @CsvSource(value = {"ABC123XYZ,ABC***XYZ", "ABCDEFG,ABC***EFG", "ABCDEF,A***F", "ABCD,A***D", "ABC,***", "'',''"})
    void showsOnlyTheEndsOfACode(String code, String masked) {
        assertEquals(masked, CodeMask.mask(code));
    }
}
