package io.codedrop.ingest.parsing;

/** The file as a whole cannot be taken; nothing of it is stocked. */
public class FileRejectedException extends RuntimeException {
    /** What is wrong with the file. */
    public enum Problem {
        /** No data rows at all (an empty file, blank lines, or only a header). */
        EMPTY,
        /** Bytes that are not UTF-8 text, or binary content. */
        NOT_UTF8,
        /** Neither a recognised header with a code column nor a one-code-per-line layout. */
        NO_CODE_COLUMN,
        /** No platform column, no platform given with the upload, and a format that implies none. */
        PLATFORM_REQUIRED,
        /** More bytes than the upload limit. */
        TOO_MANY_BYTES,
        /** More rows than the upload limit. */
        TOO_MANY_ROWS
    }

    private final Problem problem;

    public FileRejectedException(Problem problem, String detail) {
        super(detail, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
