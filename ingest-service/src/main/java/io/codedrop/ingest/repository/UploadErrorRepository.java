package io.codedrop.ingest.repository;

import io.codedrop.ingest.domain.UploadError;
import io.codedrop.ingest.domain.UploadErrorId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UploadErrorRepository implements PanacheRepositoryBase<UploadError, UploadErrorId> {
    /** Up to {@code size} errors of the upload after the given row, in row order (keyset paging). */
    public Uni<List<UploadError>> after(UUID uploadId, long row, int size) {
        return find("id.uploadId = ?1 and id.row > ?2", Sort.ascending("id.row"), uploadId, row)
                .page(Page.ofSize(size))
                .list();
    }
}
