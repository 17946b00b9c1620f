package io.codedrop.ingest.parsing;

import io.codedrop.common.event.BatchCode;

import java.util.List;

/** Receives a parse's results as they are found, so that nothing of the file has to stay in memory. */
public interface ParseSink {
    void batch(List<BatchCode> codes);

    void error(RowError error);
}
