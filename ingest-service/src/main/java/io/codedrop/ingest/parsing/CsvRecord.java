package io.codedrop.ingest.parsing;

import java.util.List;

/**
 * One record of a delimited file: the line it starts on, its cells, and whether it was cut off at the
 * line limit (its cells then hold only what was read before the limit).
 */
record CsvRecord(long line, List<String> cells, boolean tooLong) {
    String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }
}
