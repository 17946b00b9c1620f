package io.codedrop.ingest.repository;

import io.codedrop.ingest.domain.Upload;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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

    /**
     * The generation that still has codes to make and has waited longest since its last step, locked;
     * null when there is none. Every step touches the job, so big and small jobs take turns, and a job
     * another replica is stepping is skipped rather than waited for (SQL, as Panache takes no lock hints).
     */
    public Uni<Upload> nextPendingGeneration() {
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM uploads
                        WHERE kind = 'generation' AND status IN ('RECEIVED', 'PARSING')
                        ORDER BY updated_at LIMIT 1
                        FOR UPDATE SKIP LOCKED""", Upload.class)
                .getSingleResultOrNull());
    }
}
