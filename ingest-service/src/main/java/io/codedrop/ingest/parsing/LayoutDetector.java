package io.codedrop.ingest.parsing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a file's layout from its first line: the delimiter that occurs most outside quotes, then
 * either a header naming a code column (whose name tells the store) or a headerless layout (one code
 * per line, or Microsoft's code, expiry, URL rows).
 */
final class LayoutDetector {
    private static final Map<String, FileFormat> CODE_HEADERS = Map.of(
            "promotion code", FileFormat.GOOGLE_PLAY,
            "offer code", FileFormat.APP_STORE,
            "code", FileFormat.CSV);
    private static final Set<String> PLATFORM_HEADERS = Set.of("platform");
    private static final Set<String> EXPIRY_HEADERS = Set.of("expires at", "expires", "expiry", "expiry date",
            "expiration", "expiration date", "end date", "valid until");
    private static final Set<String> URL_HEADERS = Set.of("url", "redemption url", "redeem url", "redemption link");
    private static final Pattern STEAM_KEY = Pattern.compile("[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");
    private static final String REDEMPTION_URL = "redemption_url";

    private LayoutDetector() {
    }

    /** The delimiter occurring most often outside quotes in the first line: tab, semicolon or comma. */
    static char delimiter(String firstLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            char c = firstLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs >= semicolons && tabs >= commas && tabs > 0) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The layout the first record announces. */
    static Layout detect(CsvRecord first, char delimiter) {
        List<String> names = first.cells().stream().map(LayoutDetector::normalize).toList();
        int codeColumn = codeColumn(names);
        if (codeColumn != Layout.NONE) {
            return fromHeader(names, codeColumn, delimiter);
        }
        if (first.cells().size() == 1) {
            String code = first.cells().get(0).trim();
            FileFormat format = STEAM_KEY.matcher(code).matches() ? FileFormat.STEAM_KEYS : FileFormat.LINES;
            return new Layout(format, delimiter, false, 0, Layout.NONE, Layout.NONE, List.of());
        }
        if (delimiter == '\t' && first.cells().size() >= 3 && first.cell(2).trim().startsWith("http")) {
            return new Layout(FileFormat.MICROSOFT_STORE, delimiter, false, 0, Layout.NONE, 1,
                    List.of("code", "expires_at", REDEMPTION_URL));
        }
        throw new FileRejectedException(FileRejectedException.Problem.NO_CODE_COLUMN,
                "no code column: the first line must be a header naming a 'code' column (or a store's export "
                        + "header such as 'Promotion code' or 'Offer Code'), or the file must hold one code per line");
    }

    private static int codeColumn(List<String> names) {
        int generic = Layout.NONE;
        for (int i = 0; i < names.size(); i++) {
            FileFormat format = CODE_HEADERS.get(names.get(i));
            if (format != null && format != FileFormat.CSV) {
                return i;
            }
            if (format == FileFormat.CSV && generic == Layout.NONE) {
                generic = i;
            }
        }
        return generic;
    }

    private static Layout fromHeader(List<String> names, int codeColumn, char delimiter) {
        int platformColumn = first(names, PLATFORM_HEADERS);
        int expiresColumn = first(names, EXPIRY_HEADERS);
        FileFormat format = CODE_HEADERS.get(names.get(codeColumn));
        if (format == FileFormat.CSV && delimiter == '\t' && platformColumn == Layout.NONE
                && first(names, URL_HEADERS) != Layout.NONE) {
            format = FileFormat.MICROSOFT_STORE;
        }
        return new Layout(format, delimiter, true, codeColumn, platformColumn, expiresColumn, keys(names));
    }

    private static int first(List<String> names, Set<String> wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (wanted.contains(names.get(i))) {
                return i;
            }
        }
        return Layout.NONE;
    }

    /** Metadata keys in snake_case, unique, {@code column_N} for unnamed columns. */
    private static List<String> keys(List<String> names) {
        List<String> keys = new ArrayList<>(names.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String key = URL_HEADERS.contains(names.get(i)) ? REDEMPTION_URL
                    : names.get(i).replace(' ', '_').replaceAll("[^a-z0-9_]", "");
            if (key.isEmpty()) {
                key = "column_" + (i + 1);
            }
            if (!taken.add(key)) {
                key = key + "_" + (i + 1);
                taken.add(key);
            }
            keys.add(key);
        }
        return keys;
    }

    private static String normalize(String headerCell) {
        return SEPARATORS.matcher(headerCell.trim().toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
