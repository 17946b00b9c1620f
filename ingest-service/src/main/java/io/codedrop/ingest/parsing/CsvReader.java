package io.codedrop.ingest.parsing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records of a delimited file one at a time: RFC 4180 quoting ({@code ""} inside quotes), LF,
 * CRLF or CR line ends, blank or whitespace-only lines skipped. A record longer than the line limit
 * is cut off and the rest of its physical line skipped, quotes or not, so one stray quote cannot
 * swallow the file.
 */
final class CsvReader {
    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long line = 1;

    CsvReader(Reader in, char delimiter, int maxChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxChars = maxChars;
    }

    /** The next record, or null at the end of the file. */
    CsvRecord next() throws IOException {
        while (peek() != EOF) {
            CsvRecord record = readRecord();
            if (record.tooLong() || record.cells().size() > 1 || !record.cells().get(0).isBlank()) {
                return record;
            }
        }
        return null;
    }

    /** The line the next record starts on: the number of lines read so far, plus one. */
    long line() {
        return line;
    }

    private CsvRecord readRecord() throws IOException {
        long start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        int chars = 0;
        while (true) {
            int c = read();
            if (c == EOF) {
                break;
            }
            boolean lineEnd = c == '\n' || c == '\r';
            if (!(lineEnd && !inQuotes) && ++chars > maxChars) {
                cells.add(cell.toString());
                if (lineEnd) {
                    endLine(c);
                } else {
                    skipLine();
                }
                return new CsvRecord(start, cells, true);
            }
            if (inQuotes) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (lineEnd) {
                        endLine(c);
                        c = '\n';
                    }
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                // an opening quote, possibly after spaces the trimming would drop anyway
                cell.setLength(0);
                inQuotes = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (lineEnd) {
                endLine(c);
                break;
            } else {
                cell.append((char) c);
            }
        }
        cells.add(cell.toString());
        return new CsvRecord(start, cells, false);
    }

    /** Counts a line end, taking the LF of a CRLF with it. */
    private void endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private void skipLine() throws IOException {
        int c;
        do {
            c = read();
        } while (c != EOF && c != '\n' && c != '\r');
        if (c != EOF) {
            endLine(c);
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        char c = buffer[position++];
        if (c == 0) {
            throw new FileRejectedException(FileRejectedException.Problem.NOT_UTF8,
                    "line " + line + " holds a NUL character: the file is binary, not text");
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
