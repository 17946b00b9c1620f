package io.codedrop.common;

/**
 * Masks codes wherever a list must not hand out a usable one ({@code ABC***XYZ}): ingest's error
 * reports, distribution's code listings.
 */
public final class CodeMask {
    private static final String HIDDEN = "***";

    private CodeMask() {
    }

    public static String mask(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        int length = code.codePointCount(0, code.length());
        if (length <= 3) {
            return HIDDEN;
        }
        int shown = length <= 6 ? 1 : 3;
        int headEnd = code.offsetByCodePoints(0, shown);
        int tailStart = code.offsetByCodePoints(code.length(), -shown);
        return code.substring(0, headEnd) + HIDDEN + code.substring(tailStart);
    }
}
