package io.codedrop.ingest.parsing;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an upload as a stream: detects its layout from the first line, checks every row, and hands
 * good codes to the sink in batches and bad rows one by one. It holds one batch and a set of digests
 * of the codes seen, never the file. Blocking: run it on a worker thread.
 */
public final class UploadParser {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_CODE_LENGTH = 50;
    private static final String FORMULA_PREFIXES = "=+-@";
    private static final char BOM = '\uFEFF';
    /** JSON framing of one code in a batch event: member names, platform, expiry and row number. */
    private static final int CODE_OVERHEAD_BYTES = 110;

    private final ParseLimits limits;
    private final Clock clock;

    public UploadParser(ParseLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Parses the whole stream into the sink.
     *
     * @throws FileRejectedException when the file as a whole cannot be taken; what the sink got must then be dropped
     */
    public ParseSummary parse(InputStream content, UploadDefaults defaults, ParseSink sink) throws IOException {
        Reader text = new BufferedReader(new Utf8Reader(new LimitedInputStream(content, limits.maxBytes())), 1 << 16);
        CsvReader csv = null;
        try {
            skipByteOrderMark(text);
            char delimiter = LayoutDetector.delimiter(firstLine(text));
            csv = new CsvReader(text, delimiter, limits.maxLineLength());
            CsvRecord first = csv.next();
            if (first == null) {
                throw new FileRejectedException(FileRejectedException.Problem.EMPTY, "the file is empty");
            }
            Layout layout = LayoutDetector.detect(first, delimiter);
            requirePlatform(layout, defaults);
            Rows rows = new Rows(layout, defaults, sink, clock.instant());
            if (!layout.header()) {
                rows.add(first);
            }
            for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
                rows.add(record);
            }
            return rows.finish();
        } catch (CharacterCodingException e) {
            long line = csv == null ? 1 : csv.line();
            throw new FileRejectedException(FileRejectedException.Problem.NOT_UTF8,
                    "the file is not UTF-8 text (first bad bytes on line " + line
                            + "); save it as UTF-8 and upload again");
        }
    }

    private static void skipByteOrderMark(Reader text) throws IOException {
        text.mark(1);
        if (text.read() != BOM) {
            text.reset();
        }
    }

    /** The first line, read ahead and given back, so the delimiter is known before records are split. */
    private String firstLine(Reader text) throws IOException {
        text.mark(limits.maxLineLength() + 1);
        StringBuilder line = new StringBuilder();
        for (int c = text.read(); c >= 0 && c != '\n' && c != '\r' && line.length() < limits.maxLineLength();
             c = text.read()) {
            line.append((char) c);
        }
        text.reset();
        return line.toString();
    }

    private static void requirePlatform(Layout layout, UploadDefaults defaults) {
        if (layout.platformColumn() == Layout.NONE && defaults.platform() == null
                && layout.format().impliedPlatform() == null) {
            throw new FileRejectedException(FileRejectedException.Problem.PLATFORM_REQUIRED,
                    "the file has no platform column: send the platform its codes are for with the upload");
        }
    }

    /** The checks and counts of one parse. */
    private final class Rows {
        private final Layout layout;
        private final UploadDefaults defaults;
        private final ParseSink sink;
        private final Instant now;
        private final CodeFingerprints seen = new CodeFingerprints();
        private List<BatchCode> batch = new ArrayList<>();
        private long batchBytes;
        private long rowCount;
        private long valid;
        private long duplicates;
        private long invalid;
        private int batches;

        Rows(Layout layout, UploadDefaults defaults, ParseSink sink, Instant now) {
            this.layout = layout;
            this.defaults = defaults;
            this.sink = sink;
            this.now = now;
        }

        void add(CsvRecord record) {
            if (++rowCount > limits.maxRows()) {
                throw new FileRejectedException(FileRejectedException.Problem.TOO_MANY_ROWS,
                        "the file has more than the limit of " + limits.maxRows() + " rows");
            }
            String code = record.cell(layout.codeColumn()).trim();
            Checked checked = check(record, code);
            if (checked.reason() != null) {
                invalid++;
                sink.error(new RowError(record.line(), CodeMask.mask(code), checked.reason()));
            } else if (!seen.add(code)) {
                duplicates++;
            } else {
                take(checked.code());
            }
        }

        ParseSummary finish() {
            if (rowCount == 0) {
                throw new FileRejectedException(FileRejectedException.Problem.EMPTY,
                        "the file has a header but no rows");
            }
            flush();
            return new ParseSummary(layout.format(), rowCount, valid, duplicates, invalid, batches);
        }

        private Checked check(CsvRecord record, String code) {
            if (record.tooLong()) {
                return Checked.failed(RowErrorReason.LINE_TOO_LONG);
            }
            if (record.cells().stream().anyMatch(UploadParser::formulaPrefixed)) {
                return Checked.failed(RowErrorReason.FORMULA_INJECTION);
            }
            if (code.isEmpty()) {
                return Checked.failed(RowErrorReason.CODE_MISSING);
            }
            if (code.length() > MAX_CODE_LENGTH) {
                return Checked.failed(RowErrorReason.CODE_TOO_LONG);
            }
            if (!CODE.matcher(code).matches()) {
                return Checked.failed(RowErrorReason.CODE_INVALID_CHARACTERS);
            }
            String platformCell = record.cell(layout.platformColumn()).trim();
            Platform platform;
            if (!platformCell.isEmpty()) {
                try {
                    platform = Platform.parse(platformCell);
                } catch (Platform.UnknownPlatformException e) {
                    return Checked.failed(RowErrorReason.PLATFORM_UNKNOWN);
                }
            } else if (defaults.platform() != null) {
                platform = defaults.platform();
            } else if (layout.format().impliedPlatform() != null) {
                platform = layout.format().impliedPlatform();
            } else {
                return Checked.failed(RowErrorReason.PLATFORM_MISSING);
            }
            String expiresCell = record.cell(layout.expiresColumn()).trim();
            Instant expiresAt = defaults.expiresAt();
            if (!expiresCell.isEmpty()) {
                try {
                    expiresAt = Expiry.parse(expiresCell);
                } catch (DateTimeParseException e) {
                    return Checked.failed(RowErrorReason.EXPIRES_AT_INVALID);
                }
                if (!expiresAt.isAfter(now)) {
                    return Checked.failed(RowErrorReason.EXPIRES_AT_PAST);
                }
            }
            return new Checked(new BatchCode(code, platform, expiresAt, record.line(), metadata(record)), null);
        }

        private Map<String, String> metadata(CsvRecord record) {
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int column = 0; column < record.cells().size(); column++) {
                String key = layout.metadataKey(column);
                String value = record.cells().get(column).trim();
                if (key != null && !value.isEmpty()) {
                    metadata.put(key, value);
                }
            }
            return metadata;
        }

        private void take(BatchCode code) {
            valid++;
            long bytes = jsonBytes(code);
            if (!batch.isEmpty() && batchBytes + bytes > limits.maxBatchBytes()) {
                flush();
            }
            batch.add(code);
            batchBytes += bytes;
            if (batch.size() >= limits.batchSize()) {
                flush();
            }
        }

        private void flush() {
            if (!batch.isEmpty()) {
                sink.batch(batch);
                batches++;
                batch = new ArrayList<>();
                batchBytes = 0;
            }
        }
    }

    /** An upper bound of the code's size in a batch event (metadata may be any text: 3 UTF-8 bytes a character). */
    private static long jsonBytes(BatchCode code) {
        long bytes = CODE_OVERHEAD_BYTES + code.code().length();
        for (Map.Entry<String, String> entry : code.metadata().entrySet()) {
            bytes += 6 + entry.getKey().length() + 3L * entry.getValue().length();
        }
        return bytes;
    }

    private static boolean formulaPrefixed(String cell) {
        String value = cell.trim();
        return !value.isEmpty() && FORMULA_PREFIXES.indexOf(value.charAt(0)) >= 0;
    }

    /** A row's code, or the reason it was refused. */
    private record Checked(BatchCode code, RowErrorReason reason) {
        static Checked failed(RowErrorReason reason) {
            return new Checked(null, reason);
        }
    }
}
