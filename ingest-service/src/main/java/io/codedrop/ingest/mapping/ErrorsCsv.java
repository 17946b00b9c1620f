package io.codedrop.ingest.mapping;

import io.codedrop.ingest.parsing.RowError;

import java.util.List;

/**
 * An upload's row errors as CSV. Cells that a spreadsheet would run as a formula get a leading quote
 * (OWASP's advice for CSV injection): a masked code can still start with {@code =}.
 */
public final class ErrorsCsv {
    public static final String HEADER = "row,code_masked,reason\r\n";

    private ErrorsCsv() {
    }

    public static String lines(List<RowError> errors) {
        StringBuilder csv = new StringBuilder(errors.size() * 32);
        for (RowError error : errors) {
            csv.append(error.row()).append(',')
                    .append(cell(error.codeMasked())).append(',')
                    .append(error.reason().wireName()).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
