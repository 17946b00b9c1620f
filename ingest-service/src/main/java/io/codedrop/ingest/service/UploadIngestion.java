package io.codedrop.ingest.service;

import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.domain.UploadError;
import io.codedrop.ingest.parsing.ParseSummary;
import io.codedrop.ingest.parsing.StagedUpload;
import io.codedrop.ingest.repository.UploadErrorRepository;
import io.codedrop.ingest.repository.UploadRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts a parsed upload in one transaction: the job, its row errors and every code batch in the
 * outbox commit together, so an answered upload is never lost and a failed one leaves nothing.
 */
@ApplicationScoped
public class UploadIngestion {
    /** Statements sent to Postgres in one round trip when the row errors are inserted. */
    private static final int INSERT_BATCH = 500;

    private final UploadRepository uploads;
    private final UploadErrorRepository errors;
    private final BatchPublisher publisher;

    public UploadIngestion(UploadRepository uploads, UploadErrorRepository errors, BatchPublisher publisher) {
        this.uploads = uploads;
        this.errors = errors;
        this.publisher = publisher;
    }

    /** Stores the staged upload; reads of the staging file run on worker threads, one chunk at a time. */
    @WithTransaction
    public Uni<Upload> store(UUID campaignId, String developerSubject, String fileName, ParseSummary summary,
                             StagedUpload staged) {
        Upload upload = Upload.ofFile(campaignId, developerSubject, fileName, summary);
        AtomicInteger nextBatch = new AtomicInteger();
        return Panache.getSession()
                .invoke(session -> session.setBatchSize(INSERT_BATCH))
                .chain(() -> uploads.persist(upload))
                .chain(() -> Multi.createBy().repeating()
                        .uni(() -> VertxContextSupport.executeBlocking(staged::next))
                        .whilst(chunk -> !chunk.isEnd())
                        .onItem().transformToUniAndConcatenate(chunk -> store(upload, chunk, nextBatch))
                        .collect().last())
                .replaceWith(upload);
    }

    private Uni<Void> store(Upload upload, StagedUpload.Chunk chunk, AtomicInteger nextBatch) {
        List<UploadError> rowErrors = chunk.errors().stream().map(error -> new UploadError(upload.getId(), error))
                .toList();
        Uni<Void> batch = chunk.codes().isEmpty()
                ? Uni.createFrom().voidItem()
                : publisher.publish(upload, nextBatch.getAndIncrement(), chunk.codes());
        Uni<Void> errorsSaved = rowErrors.isEmpty() ? Uni.createFrom().voidItem() : errors.persist(rowErrors);
        return errorsSaved
                .chain(() -> batch)
                .chain(UploadIngestion::flushAndForget);
    }

    /** Writes what the chunk added and drops it from the session, so a large upload does not pile up in memory. */
    private static Uni<Void> flushAndForget() {
        return Panache.getSession()
                .chain(session -> session.flush().invoke(session::clear));
    }
}
