package io.codedrop.ingest.repository;

import io.codedrop.ingest.domain.Upload;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class UploadRepository implements PanacheRepositoryBase<Upload, UUID> {
    public PanacheQuery<Upload> ofCampaign(UUID campaignId) {
        return find("campaignId", Sort.descending("createdAt"), campaignId);
    }
}
