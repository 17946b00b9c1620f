package io.codedrop.ingest.service;

import io.codedrop.ingest.domain.JobKind;
import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.parsing.ParseSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Rows by outcome and jobs by how they ended; tags are low-cardinality (kind, outcome, status). */
@ApplicationScoped
public class IngestMetrics {
    static final String ROWS = "codedrop.ingest.rows";
    static final String JOBS = "codedrop.ingest.jobs.finished";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void parsed(Upload upload, ParseSummary summary) {
        rows(JobKind.UPLOAD, "valid", summary.valid());
        rows(JobKind.UPLOAD, "duplicate", summary.duplicates());
        rows(JobKind.UPLOAD, "invalid", summary.invalid());
        if (upload.getStatus().isFinal()) {
            finished(upload);
        }
    }

    void generated(long codes) {
        rows(JobKind.GENERATION, "valid", codes);
    }

    /** Counts a job that just became completed or failed. */
    void finished(Upload job) {
        registry.counter(JOBS, "kind", job.getKind().wireName(), "status", job.getStatus().wireName()).increment();
    }

    private void rows(JobKind kind, String outcome, long count) {
        registry.counter(ROWS, "kind", kind.wireName(), "outcome", outcome).increment(count);
    }
}
