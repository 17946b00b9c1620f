package io.codedrop.ingest.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that hands out every character before a bad byte sequence and reports the
 * sequence only on the next read, so the line an error is reported on is the line it is on. (An
 * InputStreamReader fails the whole read-ahead buffer, up to thousands of lines early.)
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private CharacterCodingException pending;
    private boolean endOfInput;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            if (pending != null) {
                throw pending;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pending = new CharacterCodingException();
            } else if (result.isOverflow()) {
                break;
            } else if (endOfInput) {
                return out.position() == offset ? -1 : out.position() - offset;
            } else {
                fill();
            }
        }
        return out.position() - offset;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
