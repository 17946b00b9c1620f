package io.codedrop.distribution.codes;

import io.codedrop.common.CodeMask;

import java.time.Instant;
import java.util.List;

/** Stored codes as developers see them: in a response or as CSV rows, masked unless revealed. */
public final class CodeMapper {
    public static final String CSV_HEADER =
            "id,campaign_id,code,platform,status,expires_at,used_at,redeemed_at,created_at\r\n";

    private CodeMapper() {
    }

    public static CodeResponse toResponse(StoredCode code, boolean reveal) {
        return new CodeResponse(code.id(), code.campaignId(), shown(code, reveal), code.platform(), code.status(),
                code.expiresAt(), code.usedAt(), code.redeemedAt(), code.createdAt());
    }

    /**
     * No cell needs quoting or a formula guard: codes are {@code [A-Za-z0-9_-]} and never start with
     * {@code -} (ingest refuses formula prefixes), the other cells are ids, names and timestamps.
     */
    public static String toCsv(List<StoredCode> codes, boolean reveal) {
        StringBuilder csv = new StringBuilder(codes.size() * 160);
        for (StoredCode code : codes) {
            csv.append(code.id()).append(',')
                    .append(code.campaignId()).append(',')
                    .append(shown(code, reveal)).append(',')
                    .append(code.platform().label()).append(',')
                    .append(code.status().wireName()).append(',')
                    .append(cell(code.expiresAt())).append(',')
                    .append(cell(code.usedAt())).append(',')
                    .append(cell(code.redeemedAt())).append(',')
                    .append(cell(code.createdAt())).append("\r\n");
        }
        return csv.toString();
    }

    private static String shown(StoredCode code, boolean reveal) {
        return reveal ? code.code() : CodeMask.mask(code.code());
    }

    private static String cell(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
