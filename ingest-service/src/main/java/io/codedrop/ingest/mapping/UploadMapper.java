package io.codedrop.ingest.mapping;

import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.rest.UploadResponse;

public final class UploadMapper {
    private UploadMapper() {
    }

    public static UploadResponse toResponse(Upload upload) {
        return new UploadResponse(upload.getId(), upload.getCampaignId(), upload.getKind(), upload.getFileName(),
                upload.getStatus(), upload.getRows(), upload.getAccepted(), upload.getDuplicates(),
                upload.getInvalid(), upload.getFailureReason(), upload.getCreatedAt(), upload.getUpdatedAt());
    }
}
