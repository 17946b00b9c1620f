package io.codedrop.ingest.parsing;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagedUploadTest {
    @TempDir
    Path directory;

    @Test
    void batchesAndErrorsComeBackInFileOrderInBoundedChunks() throws IOException {
        BatchCode first = new BatchCode("A1", Platform.IOS, Instant.parse("2099-01-01T00:00:00.123456789Z"), 2,
                Map.of("note", "ü ".repeat(40_000)));
        BatchCode second = new BatchCode("B2", Platform.STEAM, null, 7, Map.of());
        RowError bad = new RowError(3, "X***Y", RowErrorReason.CODE_INVALID_CHARACTERS);
        try (StagedUpload staged = StagedUpload.create(directory, 2)) {
            staged.error(bad);
            staged.batch(List.of(first));
            staged.error(bad);
            staged.error(bad);
            staged.error(bad);
            staged.batch(List.of(second));

            assertEquals(new StagedUpload.Chunk(List.of(first), List.of(bad)), staged.next());
            assertEquals(new StagedUpload.Chunk(List.of(), List.of(bad, bad)), staged.next());
            assertEquals(new StagedUpload.Chunk(List.of(second), List.of(bad)), staged.next());
            assertTrue(staged.next().isEnd());
        }
    }

    @Test
    void closingDeletesTheFile() throws IOException {
        StagedUpload staged = StagedUpload.create(directory, 10);
        staged.batch(List.of(new BatchCode("A1", Platform.WEB, null, 1, Map.of())));

        staged.close();

        try (var files = Files.list(directory)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
