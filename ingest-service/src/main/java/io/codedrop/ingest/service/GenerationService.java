package io.codedrop.ingest.service;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.problem.FieldError;
import io.codedrop.ingest.config.IngestConfig;
import io.codedrop.ingest.domain.GenerationSpec;
import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.generation.CodeGenerator;
import io.codedrop.ingest.generation.CodeSpace;
import io.codedrop.ingest.ratelimit.UploadRateLimiter;
import io.codedrop.ingest.repository.UploadRepository;
import io.codedrop.ingest.rest.GenerationRequest;
import io.codedrop.support.campaign.CampaignViewRepository;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generation jobs: accepting a request (checked for feasibility up front), and making its codes a
 * step at a time, each step one transaction that publishes its batches and advances the job.
 */
@ApplicationScoped
public class GenerationService {
    private static final int MAX_CODE_LENGTH = 50;

    private final UploadRepository uploads;
    private final CampaignViewRepository campaigns;
    private final BatchPublisher publisher;
    private final UploadRateLimiter rateLimiter;
    private final IngestMetrics metrics;
    private final IngestConfig config;

    public GenerationService(UploadRepository uploads, CampaignViewRepository campaigns, BatchPublisher publisher,
                             UploadRateLimiter rateLimiter, IngestMetrics metrics, IngestConfig config) {
        this.uploads = uploads;
        this.campaigns = campaigns;
        this.publisher = publisher;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.config = config;
    }

    /** Records the job; the generator picks it up within a poll interval. */
    @WithTransaction
    public Uni<Upload> create(Developer caller, GenerationRequest request) {
        GenerationSpec spec = spec(request);
        return campaigns.findManageable(request.campaignId(), caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + request.campaignId()))
                .call(() -> rateLimiter.acquire(caller))
                .chain(campaign -> uploads.persist(Upload.ofGeneration(request.campaignId(), caller.subject(), spec)));
    }

    /** Makes the next step of the pending generation that waited longest; false when none is pending. */
    @WithTransaction
    public Uni<Boolean> generateNextStep() {
        return uploads.nextPendingGeneration()
                .chain(job -> job == null ? Uni.createFrom().item(false) : step(job).replaceWith(true));
    }

    private Uni<Void> step(Upload job) {
        GenerationSpec spec = job.getGeneration();
        CodeGenerator generator = new CodeGenerator(spec.space(), spec.getKey());
        long codes = Math.min(job.codesToGenerate(), config.generation().stepSize());
        List<Range> ranges = new ArrayList<>();
        for (long from = 0; from < codes; from += config.batchSize()) {
            ranges.add(new Range(job.nextIndex() + from, (int) Math.min(config.batchSize(), codes - from),
                    job.nextBatchSeq() + ranges.size()));
        }
        return Multi.createFrom().iterable(ranges)
                .onItem().transformToUniAndConcatenate(range -> VertxContextSupport
                        .executeBlocking(() -> generate(generator, spec, range))
                        .chain(batch -> publisher.publish(job, range.batchSeq(), batch)))
                .collect().last()
                .invoke(() -> job.recordGenerated(codes, ranges.size()))
                .invoke(() -> metrics.generated(codes))
                .replaceWithVoid();
    }

    private static List<BatchCode> generate(CodeGenerator generator, GenerationSpec spec, Range range) {
        return generator.codes(range.from(), range.count(), spec.getPlatform(), spec.getExpiresAt());
    }

    private GenerationSpec spec(GenerationRequest request) {
        String prefix = request.prefix() == null ? "" : request.prefix();
        int length = request.length() == null ? config.generation().defaultLength() : request.length();
        String charset = request.charset() == null ? config.generation().defaultCharset() : request.charset();
        List<FieldError> problems = new ArrayList<>();
        Platform platform = null;
        try {
            platform = Platform.parse(request.platform());
        } catch (Platform.UnknownPlatformException e) {
            problems.add(new FieldError("platform", e.getMessage()));
        }
        if (request.count() > config.generation().maxCount()) {
            problems.add(new FieldError("count", "must be at most " + config.generation().maxCount()));
        }
        if (prefix.length() + length > MAX_CODE_LENGTH) {
            problems.add(new FieldError("length", "prefix and length together must be at most " + MAX_CODE_LENGTH));
        }
        if (charset.chars().distinct().count() != charset.length()) {
            problems.add(new FieldError("charset", "must not repeat a character"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        CodeSpace space = new CodeSpace(prefix, charset, length);
        if (request.count() > space.capacity()) {
            throw Problems.unprocessable("generation-infeasible", charset.length() + " characters in codes of "
                    + length + " give only " + space.size() + " distinct codes, fewer than the " + request.count()
                    + " asked for; use a longer length or a larger charset");
        }
        return new GenerationSpec(platform, request.expiresAt(), prefix, length, charset, request.count(),
                CodeGenerator.newKey());
    }

    /** Indexes {@code [from, from + count)} of the job, published as batch {@code batchSeq}. */
    private record Range(long from, int count, int batchSeq) {
    }
}
