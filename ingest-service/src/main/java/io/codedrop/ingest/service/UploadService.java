package io.codedrop.ingest.service;

import io.codedrop.common.api.PageResponse;
import io.codedrop.ingest.mapping.UploadMapper;
import io.codedrop.ingest.repository.UploadRepository;
import io.codedrop.ingest.rest.UploadResponse;
import io.codedrop.support.campaign.CampaignViewRepository;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Upload jobs: who may see them and their history per campaign. */
@ApplicationScoped
public class UploadService {
    private final UploadRepository uploads;
    private final CampaignViewRepository campaigns;

    public UploadService(UploadRepository uploads, CampaignViewRepository campaigns) {
        this.uploads = uploads;
        this.campaigns = campaigns;
    }

    @WithSession
    public Uni<PageResponse<UploadResponse>> history(Developer caller, UUID campaignId, int page, int size) {
        return campaigns.findReadable(campaignId, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId))
                .chain(campaign -> page(uploads.ofCampaign(campaignId).page(Page.of(page, size)), page, size));
    }

    private static Uni<PageResponse<UploadResponse>> page(PanacheQuery<io.codedrop.ingest.domain.Upload> query,
                                                          int page, int size) {
        return query.list()
                .chain(items -> query.count()
                        .map(total -> new PageResponse<>(items.stream().map(UploadMapper::toResponse).toList(),
                                page, size, total)));
    }
}
