package io.codedrop.ingest.parsing;

import io.codedrop.common.event.BatchCode;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a parse hands out, for assertions. */
final class ListSink implements ParseSink {
    final List<List<BatchCode>> batches = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();

    @Override
    public void batch(List<BatchCode> codes) {
        batches.add(codes);
    }

    @Override
    public void error(RowError error) {
        errors.add(error);
    }

    List<BatchCode> codes() {
        return batches.stream().flatMap(List::stream).toList();
    }
}
