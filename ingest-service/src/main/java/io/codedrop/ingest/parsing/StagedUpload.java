package io.codedrop.ingest.parsing;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed upload waiting on local disk: the batches and row errors of the parse, in file order. The
 * upload is parsed here while it arrives, so the database transaction that accepts it lasts as long
 * as the disk takes to read it back, not as long as the client takes to send it.
 */
public final class StagedUpload implements ParseSink, Closeable {
    private static final byte BATCH = 'B';
    private static final byte ERROR = 'E';
    private static final Platform[] PLATFORMS = Platform.values();

    private final Path file;
    private final int errorsPerChunk;
    private DataOutputStream out;
    private DataInputStream in;

    private StagedUpload(Path file, int errorsPerChunk) throws IOException {
        this.file = file;
        this.errorsPerChunk = errorsPerChunk;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** A new, empty staging file in {@code directory}; chunks read back hold at most {@code errorsPerChunk} errors. */
    public static StagedUpload create(Path directory, int errorsPerChunk) throws IOException {
        Files.createDirectories(directory);
        return new StagedUpload(Files.createTempFile(directory, "upload-", ".staged"), errorsPerChunk);
    }

    @Override
    public void batch(List<BatchCode> codes) {
        try {
            out.writeByte(BATCH);
            out.writeInt(codes.size());
            for (BatchCode code : codes) {
                write(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void error(RowError error) {
        try {
            out.writeByte(ERROR);
            out.writeLong(error.row());
            writeString(error.codeMasked());
            out.writeByte(error.reason().ordinal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next piece to store: one batch with the errors found before it, or up to the chunk's number
     * of errors when no batch comes first; an empty chunk at the end. Blocking: call it on a worker thread.
     */
    public Chunk next() throws IOException {
        if (in == null) {
            out.close();
            out = null;
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        }
        List<RowError> errors = new ArrayList<>();
        while (errors.size() < errorsPerChunk) {
            int tag = in.read();
            if (tag < 0) {
                return new Chunk(List.of(), errors);
            }
            if (tag == BATCH) {
                return new Chunk(readBatch(), errors);
            }
            errors.add(new RowError(in.readLong(), readString(), RowErrorReason.values()[in.readByte()]));
        }
        return new Chunk(List.of(), errors);
    }

    /** Closes and deletes the staging file. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(BatchCode code) throws IOException {
        out.writeLong(code.row());
        writeString(code.code());
        out.writeByte(code.platform().ordinal());
        out.writeBoolean(code.expiresAt() != null);
        if (code.expiresAt() != null) {
            out.writeLong(code.expiresAt().getEpochSecond());
            out.writeInt(code.expiresAt().getNano());
        }
        out.writeInt(code.metadata().size());
        for (Map.Entry<String, String> entry : code.metadata().entrySet()) {
            writeString(entry.getKey());
            writeString(entry.getValue());
        }
    }

    private List<BatchCode> readBatch() throws IOException {
        int size = in.readInt();
        List<BatchCode> codes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long row = in.readLong();
            String code = readString();
            Platform platform = PLATFORMS[in.readByte()];
            Instant expiresAt = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            int entries = in.readInt();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int e = 0; e < entries; e++) {
                metadata.put(readString(), readString());
            }
            codes.add(new BatchCode(code, platform, expiresAt, row, metadata));
        }
        return codes;
    }

    /** Length-prefixed UTF-8: unlike writeUTF, not limited to 64 KB, whatever the line limit is set to. */
    private void writeString(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private String readString() throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A batch of codes (possibly none) and the row errors that came before it; both empty at the end. */
    public record Chunk(List<BatchCode> codes, List<RowError> errors) {
        public boolean isEnd() {
            return codes.isEmpty() && errors.isEmpty();
        }
    }
}
