package io.codedrop.distribution.availability;

import io.codedrop.common.Platform;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import java.util.EnumMap;
import java.util.Map;

/**
 * A campaign's pools as one statement left them: the codes available per platform and each pool's
 * version, which every change of the pool raises by one. Cache writes that arrive out of order are
 * told apart by it.
 */
public record PoolCounts(Map<Platform, Long> available, Map<Platform, Long> versions) {
    public static final PoolCounts NONE = new PoolCounts(Map.of(), Map.of());

    /** Pool rows of {@code (platform, available, version)}, as every statement that changes a pool returns them. */
    public static PoolCounts of(RowSet<Row> rows) {
        Map<Platform, Long> available = new EnumMap<>(Platform.class);
        Map<Platform, Long> versions = new EnumMap<>(Platform.class);
        rows.forEach(row -> {
            Platform platform = Platform.parse(row.getString("platform"));
            available.put(platform, row.getLong("available"));
            versions.put(platform, row.getLong("version"));
        });
        return new PoolCounts(available, versions);
    }

    public boolean isEmpty() {
        return available.isEmpty();
    }
}
