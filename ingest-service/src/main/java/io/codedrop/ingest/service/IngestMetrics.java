package io.codedrop.ingest.service;

import io.codedrop.ingest.domain.JobKind;
import io.codedrop.ingest.domain.UploadStatus;
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

    void parsed(ParseSummary summary) {
        rows(JobKind.UPLOAD, "valid", summary.valid());
        rows(JobKind.UPLOAD, "duplicate", summary.duplicates());
        rows(JobKind.UPLOAD, "invalid", summary.invalid());
    }

    void generated(long codes) {
        rows(JobKind.GENERATION, "valid", codes);
    }

    void finished(JobKind kind, UploadStatus status) {
        registry.counter(JOBS, "kind", kind.wireName(), "status", status.wireName()).increment();
    }

    private void rows(JobKind kind, String outcome, long count) {
        registry.counter(ROWS, "kind", kind.wireName(), "outcome", outcome).increment(count);
    }
}
