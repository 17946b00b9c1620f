package io.codedrop.ingest.parsing;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadParserTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UploadDefaults NONE = new UploadDefaults(null, null);
    private static final ParseLimits LIMITS = new ParseLimits(10_000, 1 << 20, 200, 3, 1 << 20);

    private final ListSink sink = new ListSink();

    @Test
    void genericCsvKeepsPlatformExpiryAndExtraColumnsDespiteBomCrlfAndQuotes() throws IOException {
        ParseSummary summary = parseSample("generic.csv", NONE);

        assertEquals(FileFormat.CSV, summary.format());
        assertEquals(new ParseSummary(FileFormat.CSV, 4, 4, 0, 0, 2), summary);
        List<BatchCode> codes = sink.codes();
        assertEquals(List.of("GEN-0001", "GEN-0002", "GEN-0003", "GEN-0004"),
                codes.stream().map(BatchCode::code).toList());
        assertEquals(List.of(Platform.IOS, Platform.ANDROID, Platform.STEAM, Platform.WEB),
                codes.stream().map(BatchCode::platform).toList());
        assertEquals(Instant.parse("2100-01-01T00:00:00Z"), codes.get(0).expiresAt());
        assertEquals(Instant.parse("2099-12-31T23:59:59Z"), codes.get(1).expiresAt());
        assertNull(codes.get(2).expiresAt());
        assertEquals(Instant.parse("2099-06-30T10:00:00Z"), codes.get(3).expiresAt());
        assertEquals(Map.of("tier", "gold", "note", "launch, week one"), codes.get(0).metadata());
        assertEquals(Map.of("tier", "bronze", "note", "said \"hi\""), codes.get(2).metadata());
        assertEquals(List.of(2L, 3L, 4L, 5L), codes.stream().map(BatchCode::row).toList());
    }

    @Test
    void semicolonSeparatedCsvIsRecognised() throws IOException {
        ParseSummary summary = parseSample("generic-semicolon.csv", NONE);

        assertEquals(new ParseSummary(FileFormat.CSV, 3, 3, 0, 0, 1), summary);
        assertEquals(Platform.WINDOWS, sink.codes().get(2).platform());
    }

    @Test
    void steamKeyExportIsOneKeyPerLineForSteam() throws IOException {
        ParseSummary summary = parseSample("steam-keys.txt", NONE);

        assertEquals(new ParseSummary(FileFormat.STEAM_KEYS, 4, 4, 0, 0, 2), summary);
        assertTrue(sink.codes().stream().allMatch(code -> code.platform() == Platform.STEAM));
        assertEquals(1L, sink.codes().get(0).row());
    }

    @Test
    void plainCodeListTakesTheUploadsPlatformAndExpiry() throws IOException {
        Instant expiry = Instant.parse("2099-01-01T00:00:00Z");

        ParseSummary summary = parseSample("codes.txt", new UploadDefaults(Platform.WEB, expiry));

        assertEquals(new ParseSummary(FileFormat.LINES, 3, 3, 0, 0, 1), summary);
        assertTrue(sink.codes().stream().allMatch(code -> code.platform() == Platform.WEB
                && expiry.equals(code.expiresAt())));
    }

    @Test
    void googlePlayExportIsForAndroid() throws IOException {
        ParseSummary summary = parseSample("google-play.csv", NONE);

        assertEquals(new ParseSummary(FileFormat.GOOGLE_PLAY, 3, 3, 0, 0, 1), summary);
        assertEquals("5A2F7TZS2V3XG8SMJK97", sink.codes().get(0).code());
        assertTrue(sink.codes().stream().allMatch(code -> code.platform() == Platform.ANDROID));
    }

    @Test
    void appStoreExportIsForIosWithExpiryAndRedemptionUrl() throws IOException {
        ParseSummary summary = parseSample("app-store.csv", NONE);

        assertEquals(new ParseSummary(FileFormat.APP_STORE, 2, 2, 0, 0, 1), summary);
        BatchCode first = sink.codes().get(0);
        assertEquals(Platform.IOS, first.platform());
        assertEquals(Instant.parse("2099-04-01T00:00:00Z"), first.expiresAt());
        assertTrue(first.metadata().get("redemption_url").startsWith("https://apps.apple.com/redeem"));
    }

    @Test
    void microsoftStoreTsvIsCodeExpiryAndUrlForWindows() throws IOException {
        ParseSummary summary = parseSample("microsoft-store.tsv", NONE);

        assertEquals(new ParseSummary(FileFormat.MICROSOFT_STORE, 2, 2, 0, 0, 1), summary);
        BatchCode first = sink.codes().get(0);
        assertEquals("MSFT1-AAAAA-BBBBB-CCCCC-DDDDD", first.code());
        assertEquals(Platform.WINDOWS, first.platform());
        assertEquals(Instant.parse("2099-02-01T00:00:00Z"), first.expiresAt());
        assertEquals(Map.of("redemption_url", "https://www.microsoft.com/redeem?code=MSFT1-AAAAA-BBBBB-CCCCC-DDDDD"),
                first.metadata());
    }

    @Test
    void theUploadsPlatformOverridesTheStoresAndARowsOverridesBoth() throws IOException {
        parse("Promotion code,platform\nAAA111,\nBBB222,iOS\n", new UploadDefaults(Platform.WEB, null));

        assertEquals(List.of(Platform.WEB, Platform.IOS), sink.codes().stream().map(BatchCode::platform).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "formula in the code        | '=HYPERLINK(1)'     | formula_injection",
            "formula in another cell    | 'GOOD1,iOS,,+cmd'   | formula_injection",
            "leading minus              | '-ABC123,iOS'       | formula_injection",
            "at sign in metadata        | 'GOOD2,iOS,,@SUM'   | formula_injection",
            "empty code                 | ',iOS'              | code_missing",
            "code over fifty characters | 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXY,iOS' | code_too_long",
            "space inside the code      | 'AB CD,iOS'         | code_invalid_characters",
            "non-ASCII letter           | 'CAFÉ1,iOS'         | code_invalid_characters",
            "unknown platform           | 'GOOD3,Switch'      | platform_unknown",
            "no platform in row         | 'GOOD4,'            | platform_missing",
            "unreadable date            | 'GOOD5,iOS,31/12/2099' | expires_at_invalid",
            "date in the past           | 'GOOD6,iOS,2020-01-01' | expires_at_past"})
    void everyBadRowIsReportedWithItsReason(String name, String row, String reason) throws IOException {
        ParseSummary summary = parse("code,platform,expires_at,note\n" + row + "\nOK-1,iOS\n", NONE);

        assertEquals(1, summary.invalid());
        assertEquals(1, summary.valid());
        assertEquals(2, sink.errors.get(0).row());
        assertEquals(reason, sink.errors.get(0).reason().wireName());
        assertEquals(List.of("OK-1"), sink.codes().stream().map(BatchCode::code).toList());
    }

    @Test
    void anOverLongLineIsABadRowAndTheNextRowsStillCount() throws IOException {
        String longRow = "LONG" + "X".repeat(300) + ",iOS";

        ParseSummary summary = parse("code,platform\n" + longRow + "\nNEXT-1,iOS\n", NONE);

        assertEquals(new RowError(2, "LON***XXX", RowErrorReason.LINE_TOO_LONG), sink.errors.get(0));
        assertEquals(List.of("NEXT-1"), sink.codes().stream().map(BatchCode::code).toList());
        assertEquals(2, summary.rows());
    }

    @Test
    void anUnclosedQuoteCannotSwallowTheRestOfTheFile() throws IOException {
        String runaway = "\"OPEN,iOS\n" + "FILL,iOS\n".repeat(40);

        ParseSummary summary = parse("code,platform\n" + runaway + "AFTER-1,iOS\n", NONE);

        assertEquals(RowErrorReason.LINE_TOO_LONG, sink.errors.get(0).reason());
        assertTrue(sink.codes().stream().anyMatch(code -> code.code().equals("AFTER-1")));
        assertTrue(summary.valid() > 0);
    }

    @Test
    void duplicatesWithinTheFileAreCountedNotStockedNorReportedAsErrors() throws IOException {
        ParseSummary summary = parse("code\nA1\nB2\nA1\nA1\nC3\n", new UploadDefaults(Platform.IOS, null));

        assertEquals(new ParseSummary(FileFormat.CSV, 5, 3, 2, 0, 1), summary);
        assertEquals(List.of("A1", "B2", "C3"), sink.codes().stream().map(BatchCode::code).toList());
        assertTrue(sink.errors.isEmpty());
    }

    @Test
    void rowsAreLinesOfTheFileCountingTheHeaderAndMultiLineCells() throws IOException {
        parse("code,note\r\nA1,\"two\nlines\"\r\n\r\nB2,=bad\r\n", new UploadDefaults(Platform.IOS, null));

        assertEquals(2L, sink.codes().get(0).row());
        assertEquals(5, sink.errors.get(0).row());
    }

    @Test
    void crOnlyLineEndsAreLineEnds() throws IOException {
        ParseSummary summary = parse("code\rA1\rB2\r", new UploadDefaults(Platform.IOS, null));

        assertEquals(2, summary.valid());
        assertEquals(3L, sink.codes().get(1).row());
    }

    @Test
    void batchesCloseAtTheBatchSizeOrTheByteBudget() throws IOException {
        new UploadParser(new ParseLimits(1000, 1 << 20, 4096, 3, 1 << 20), Clock.systemUTC())
                .parse(utf8("code\nA\nB\nC\nD\nE\nF\nG\n"), new UploadDefaults(Platform.WEB, null), sink);
        assertEquals(List.of(3, 3, 1), sink.batches.stream().map(List::size).toList());

        ListSink wide = new ListSink();
        String row = ",iOS," + "m".repeat(1000) + "\n";
        new UploadParser(new ParseLimits(1000, 1 << 20, 4096, 1000, 7000), Clock.systemUTC())
                .parse(utf8("code,platform,note\n" + "A1" + row + "A2" + row + "A3" + row), NONE, wide);
        assertEquals(List.of(2, 1), wide.batches.stream().map(List::size).toList());
    }

    @Test
    void moreRowsThanTheLimitRefuseTheFile() {
        ParseLimits limits = new ParseLimits(3, 1 << 20, 200, 1000, 1 << 20);

        FileRejectedException refused = assertThrows(FileRejectedException.class, () -> new UploadParser(limits,
                Clock.systemUTC()).parse(utf8("A1\nA2\nA3\nA4\n"), new UploadDefaults(Platform.IOS, null), sink));

        assertEquals(FileRejectedException.Problem.TOO_MANY_ROWS, refused.problem());
    }

    @Test
    void moreBytesThanTheLimitRefuseTheFile() {
        ParseLimits limits = new ParseLimits(1000, 100, 200, 1000, 1 << 20);
        UploadParser parser = new UploadParser(limits, Clock.systemUTC());

        FileRejectedException refused = assertThrows(FileRejectedException.class, () -> parser
                .parse(utf8("ABCDEFGHIJ\n".repeat(20)), new UploadDefaults(Platform.IOS, null), sink));

        assertEquals(FileRejectedException.Problem.TOO_MANY_BYTES, refused.problem());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"empty file,''", "blank lines only,'\n\n  \n'", "header only,'code,platform\n'"})
    void aFileWithoutRowsIsEmpty(String name, String content) {
        assertEquals(FileRejectedException.Problem.EMPTY, rejection(utf8(content), NONE));
    }

    @Test
    void latin1BytesAreNotUtf8() {
        byte[] latin1 = "code\nCAFÉ\n".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(FileRejectedException.Problem.NOT_UTF8,
                rejection(new ByteArrayInputStream(latin1), new UploadDefaults(Platform.IOS, null)));
    }

    @Test
    void theFirstBadByteIsReportedOnItsOwnLine() {
        byte[] good = ("code\n" + "GOOD-CODE-LINE\n".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        byte[] bad = "CAFÉ\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = new byte[good.length + bad.length];
        System.arraycopy(good, 0, content, 0, good.length);
        System.arraycopy(bad, 0, content, good.length, bad.length);

        FileRejectedException refused = assertThrows(FileRejectedException.class, () -> parser()
                .parse(new ByteArrayInputStream(content), new UploadDefaults(Platform.IOS, null), sink));

        assertTrue(refused.getMessage().contains("line 5002"), refused.getMessage());
    }

    @Test
    void utf16IsNotUtf8() {
        byte[] utf16 = "code\nA1\n".getBytes(StandardCharsets.UTF_16);

        assertEquals(FileRejectedException.Problem.NOT_UTF8,
                rejection(new ByteArrayInputStream(utf16), new UploadDefaults(Platform.IOS, null)));
    }

    @Test
    void binaryContentIsNotText() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 'x', '\n'};

        assertEquals(FileRejectedException.Problem.NOT_UTF8,
                rejection(new ByteArrayInputStream(zip), new UploadDefaults(Platform.IOS, null)));
    }

    @Test
    void aTableWithoutACodeColumnIsRefused() {
        assertEquals(FileRejectedException.Problem.NO_CODE_COLUMN,
                rejection(utf8("voucher,platform\nA1,iOS\n"), NONE));
    }

    @Test
    void aFileThatNamesNoPlatformAnywhereIsRefused() {
        assertEquals(FileRejectedException.Problem.PLATFORM_REQUIRED, rejection(utf8("A1\nA2\n"), NONE));
    }

    private ParseSummary parseSample(String name, UploadDefaults defaults) throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("/samples/" + name)) {
            return parser().parse(sample, defaults, sink);
        }
    }

    private ParseSummary parse(String content, UploadDefaults defaults) throws IOException {
        return parser().parse(utf8(content), defaults, sink);
    }

    private FileRejectedException.Problem rejection(InputStream content, UploadDefaults defaults) {
        return assertThrows(FileRejectedException.class, () -> parser().parse(content, defaults, sink)).problem();
    }

    private static UploadParser parser() {
        return new UploadParser(LIMITS, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InputStream utf8(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
