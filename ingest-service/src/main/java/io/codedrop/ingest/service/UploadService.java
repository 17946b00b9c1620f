package io.codedrop.ingest.service;

import io.codedrop.common.Platform;
import io.codedrop.common.api.PageResponse;
import io.codedrop.common.problem.FieldError;
import io.codedrop.ingest.config.IngestConfig;
import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.domain.UploadError;
import io.codedrop.ingest.mapping.UploadMapper;
import io.codedrop.ingest.parsing.Expiry;
import io.codedrop.ingest.parsing.ParseLimits;
import io.codedrop.ingest.parsing.ParseSummary;
import io.codedrop.ingest.parsing.RowError;
import io.codedrop.ingest.parsing.StagedUpload;
import io.codedrop.ingest.parsing.UploadDefaults;
import io.codedrop.ingest.parsing.UploadParser;
import io.codedrop.ingest.ratelimit.UploadRateLimiter;
import io.codedrop.ingest.repository.UploadErrorRepository;
import io.codedrop.ingest.repository.UploadRepository;
import io.codedrop.ingest.rest.UploadResponse;
import io.codedrop.support.campaign.CampaignView;
import io.codedrop.support.campaign.CampaignViewRepository;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/** Upload jobs: taking a file in, and who may see jobs, their errors and their progress. */
@ApplicationScoped
public class UploadService {
    private static final int CSV_PAGE = 1000;
    /** Row errors stored per statement batch when an upload is stored. */
    private static final int ERRORS_PER_CHUNK = 1000;
    private static final int MAX_FILE_NAME = 255;

    private final UploadRepository uploads;
    private final UploadErrorRepository errors;
    private final CampaignViewRepository campaigns;
    private final UploadIngestion ingestion;
    private final UploadRateLimiter rateLimiter;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final UploadParser parser;

    public UploadService(UploadRepository uploads, UploadErrorRepository errors, CampaignViewRepository campaigns,
                         UploadIngestion ingestion, UploadRateLimiter rateLimiter, IngestMetrics metrics,
                         IngestConfig config) {
        this.uploads = uploads;
        this.errors = errors;
        this.campaigns = campaigns;
        this.ingestion = ingestion;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.config = config;
        this.parser = new UploadParser(new ParseLimits(config.maxCodes(), config.maxBytes().asLongValue(),
                config.maxLineLength(), config.batchSize(), config.maxBatchBytes().asLongValue()), Clock.systemUTC());
    }

    @WithSession
    public Uni<PageResponse<UploadResponse>> history(Developer caller, UUID campaignId, int page, int size) {
        return campaigns.findReadable(campaignId, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId))
                .chain(campaign -> page(uploads.ofCampaign(campaignId).page(Page.of(page, size)), page, size));
    }

    /**
     * Takes an upload in. Called on the worker thread of a blocking endpoint: the checks run on the
     * request's event loop, the file is parsed on a worker while it arrives and staged on local disk,
     * and the job is stored in one transaction only once the whole file is known to be acceptable.
     */
    public Uni<Upload> upload(Developer caller, UUID campaignId, UploadRequest request) {
        Executor onContext = OnContext.current();
        return Uni.createFrom().item(() -> defaults(request))
                .call(() -> manageable(caller, campaignId))
                .call(() -> rateLimiter.acquire(caller))
                .runSubscriptionOn(onContext)
                .chain(defaults -> VertxContextSupport.executeBlocking(() -> stage(request, defaults)))
                .chain(parsed -> ingestion.store(campaignId, caller.subject(), fileName(request), parsed.summary(),
                                parsed.staged())
                        .invoke(upload -> metrics.parsed(upload, parsed.summary()))
                        .eventually(() -> VertxContextSupport.executeBlocking(() -> discard(parsed.staged()))));
    }

    /** The job with its first errors, if the caller may read its campaign. */
    @WithSession
    public Uni<UploadResponse> get(Developer caller, UUID id) {
        return readable(caller, id)
                .chain(upload -> errors.after(id, 0, config.errorsShown())
                        .map(firstErrors -> UploadMapper.toResponse(upload,
                                firstErrors.stream().map(UploadError::toRowError).toList())));
    }

    /** The job, if the caller may read its campaign; fails with 404 otherwise. */
    @WithSession
    public Uni<Upload> readable(Developer caller, UUID id) {
        return uploads.findById(id)
                .onItem().ifNotNull().transformToUni(upload -> campaigns.findReadable(upload.getCampaignId(), caller)
                        .map(campaign -> campaign == null ? null : upload))
                .onItem().ifNull().failWith(() -> Problems.notFound("upload " + id));
    }

    /** Every row error of the job, page by page in row order. Subscribe on the request's event loop. */
    public Multi<List<RowError>> allErrors(UUID id) {
        Executor onContext = OnContext.current();
        AtomicLong lastRow = new AtomicLong();
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom()
                        .deferred(() -> Panache.withSession(() -> errors.after(id, lastRow.get(), CSV_PAGE)))
                        .runSubscriptionOn(onContext))
                .whilst(page -> page.size() == CSV_PAGE)
                .map(page -> page.stream().map(UploadError::toRowError).toList())
                .invoke(rows -> rows.stream().reduce((first, last) -> last).ifPresent(last -> lastRow.set(last.row())));
    }

    /**
     * The job's document each time it changes, until it is completed or failed. The row is re-read by key
     * every progress interval and sent only when it differs: that works on whichever replica holds the
     * stream, whichever one applied the change. Subscribe on the request's event loop.
     */
    public Multi<UploadResponse> progress(UUID id) {
        Executor onContext = OnContext.current();
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom()
                        .deferred(() -> Panache.withSession(() -> uploads.findById(id)))
                        .runSubscriptionOn(onContext))
                .withDelay(config.progressInterval())
                .whilst(upload -> !upload.getStatus().isFinal())
                .map(upload -> UploadMapper.toResponse(upload, null))
                .skip().repetitions();
    }

    private Uni<CampaignView> manageable(Developer caller, UUID campaignId) {
        return Panache.withSession(() -> campaigns.findManageable(campaignId, caller))
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId));
    }

    private Parsed stage(UploadRequest request, UploadDefaults defaults) throws IOException {
        StagedUpload staged = StagedUpload.create(stagingDirectory(), ERRORS_PER_CHUNK);
        try (InputStream content = request.content().open()) {
            return new Parsed(parser.parse(content, defaults, staged), staged);
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    private static Void discard(StagedUpload staged) {
        staged.close();
        return null;
    }

    private Path stagingDirectory() {
        return config.stagingDirectory()
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "codedrop-ingest"));
    }

    private static UploadDefaults defaults(UploadRequest request) {
        List<FieldError> problems = new ArrayList<>();
        Platform platform = null;
        Instant expiresAt = null;
        if (request.platform() != null && !request.platform().isBlank()) {
            try {
                platform = Platform.parse(request.platform());
            } catch (Platform.UnknownPlatformException e) {
                problems.add(new FieldError("platform", e.getMessage()));
            }
        }
        if (request.expiresAt() != null && !request.expiresAt().isBlank()) {
            try {
                expiresAt = Expiry.parse(request.expiresAt());
                if (!expiresAt.isAfter(Instant.now())) {
                    problems.add(new FieldError("expires_at", "must be in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldError("expires_at", "must be an ISO-8601 date or date-time"));
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return new UploadDefaults(platform, expiresAt);
    }

    private static String fileName(UploadRequest request) {
        String name = request.fileName();
        return name == null || name.length() <= MAX_FILE_NAME ? name : name.substring(0, MAX_FILE_NAME);
    }

    private static Uni<PageResponse<UploadResponse>> page(PanacheQuery<Upload> query, int page, int size) {
        return query.list()
                .chain(items -> query.count()
                        .map(total -> new PageResponse<>(items.stream()
                                .map(upload -> UploadMapper.toResponse(upload, null))
                                .toList(), page, size, total)));
    }

    /** A parse's result and the staged file holding its batches and errors. */
    private record Parsed(ParseSummary summary, StagedUpload staged) {
    }
}
