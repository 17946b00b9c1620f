package io.codedrop.ingest.mapping;

import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.parsing.RowError;
import io.codedrop.ingest.rest.UploadAccepted;
import io.codedrop.ingest.rest.UploadResponse;

import java.util.List;

public final class UploadMapper {
    private UploadMapper() {
    }

    /** The job's document; {@code errors} null leaves them out (lists and progress events). */
    public static UploadResponse toResponse(Upload upload, List<RowError> errors) {
        return new UploadResponse(upload.getId(), upload.getCampaignId(), upload.getKind(), upload.getFileName(),
                upload.getFormat(), upload.getStatus(), upload.getRows(), upload.getAccepted(),
                upload.getDuplicates(), upload.getInvalid(), upload.getBatchesTotal(), upload.getBatchesStocked(),
                upload.getFailureReason(), upload.getCreatedAt(), upload.getUpdatedAt(), errors);
    }

    public static UploadAccepted toAccepted(Upload upload) {
        return new UploadAccepted(upload.getId(), upload.getStatus());
    }
}
