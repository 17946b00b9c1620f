package io.codedrop.ingest.parsing;

import java.util.List;

/**
 * Where a file keeps each row's code, platform and expiry; every other column is kept as metadata
 * under {@link #metadataKey(int)}. Column indexes are -1 when the file has no such column.
 */
record Layout(FileFormat format, char delimiter, boolean header, int codeColumn, int platformColumn,
              int expiresColumn, List<String> columnKeys) {
    static final int NONE = -1;

    /** The metadata key of a column, or null for the code, platform and expiry columns. */
    String metadataKey(int column) {
        if (column == codeColumn || column == platformColumn || column == expiresColumn) {
            return null;
        }
        return column < columnKeys.size() ? columnKeys.get(column) : "column_" + (column + 1);
    }
}
