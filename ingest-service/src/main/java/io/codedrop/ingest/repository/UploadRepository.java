package io.codedrop.ingest.repository;

import io.codedrop.ingest.domain.JobKind;
import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.domain.UploadStatus;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UploadRepository implements PanacheRepositoryBase<Upload, UUID> {
    public PanacheQuery<Upload> ofCampaign(UUID campaignId) {
        return find("campaignId", Sort.descending("createdAt"), campaignId);
    }

    /** The job, locked until the transaction ends: its counters change only one writer at a time. */
    public Uni<Upload> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The oldest generation that still has codes to make, locked; null when there is none. */
    public Uni<Upload> nextPendingGeneration() {
        return find("kind = ?1 and status in ?2", Sort.ascending("createdAt"), JobKind.GENERATION,
                List.of(UploadStatus.RECEIVED, UploadStatus.PARSING))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }
}
