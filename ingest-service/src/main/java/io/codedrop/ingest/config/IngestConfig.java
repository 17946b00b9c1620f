package io.codedrop.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Limits and tuning of uploads, generations and job progress. */
@ConfigMapping(prefix = "codedrop.ingest")
public interface IngestConfig {
    /** Most data rows one upload may hold; a larger upload is answered 413 and nothing of it is stocked. */
    @WithDefault("100000")
    int maxCodes();

    /** Largest upload, in bytes of the file; a larger one is answered 413. */
    @WithDefault("20M")
    MemorySize maxBytes();

    /** Longest row, in characters; a longer one is reported as a bad row and skipped. */
    @WithDefault("4096")
    int maxLineLength();

    /**
     * Codes per code-batches event. Every event costs a transaction and a report in each service that sees
     * it, so events carry thousands of codes; 3 000 keeps even batches of 50-character generated codes, which
     * {@link #maxBatchBytes()} does not cut, within that bound.
     */
    @WithDefault("3000")
    int batchSize();

    /** Most bytes of codes in one code-batches event, so wide metadata stays under Kafka's message limit. */
    @WithDefault("512K")
    MemorySize maxBatchBytes();

    /** Row errors listed in an upload's document; errors.csv has all of them. */
    @WithDefault("100")
    int errorsShown();

    /** Directory where an upload is staged between parsing and storing; the system's temporary directory if unset. */
    Optional<Path> stagingDirectory();

    /** How often a progress stream re-reads its job. */
    @WithDefault("500ms")
    Duration progressInterval();

    Generation generation();

    RateLimit rateLimit();

    /** Code generation jobs. */
    interface Generation {
        /** Most codes one generation may ask for. */
        @WithDefault("1000000")
        int maxCount();

        /** Characters of a generated code after its prefix, when the request does not say. */
        @WithDefault("12")
        int defaultLength();

        /** Characters codes are drawn from when the request does not say: no 0/O or 1/I look-alikes. */
        @WithDefault("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        String defaultCharset();

        /** Codes generated and published per transaction. */
        @WithDefault("10000")
        int stepSize();

        /** How often pending generations (new ones, top-ups, and those interrupted by a restart) are picked up. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rounds of replacement codes for codes the campaign already had, before the job gives up as failed. */
        @WithDefault("3")
        int maxTopUpRounds();
    }

    /** SPEC §4.5: new uploads and generations per developer. */
    interface RateLimit {
        /** New uploads and generations one developer may start per minute. */
        @WithDefault("10")
        int perMinute();
    }
}
