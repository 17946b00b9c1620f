package io.codedrop.ingest.parsing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and refuses the file as soon as it passes the upload limit. */
final class LimitedInputStream extends FilterInputStream {
    private final long maxBytes;
    private long count;

    LimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    private void counted(long bytes) {
        count += bytes;
        if (count > maxBytes) {
            throw new FileRejectedException(FileRejectedException.Problem.TOO_MANY_BYTES,
                    "the file is larger than the limit of " + maxBytes + " bytes");
        }
    }
}
