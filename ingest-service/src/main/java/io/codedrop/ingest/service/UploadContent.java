package io.codedrop.ingest.service;

import java.io.IOException;
import java.io.InputStream;

/** Opens an upload's bytes: the request body as it arrives, or the file the multipart decoder wrote. */
@FunctionalInterface
public interface UploadContent {
    InputStream open() throws IOException;
}
