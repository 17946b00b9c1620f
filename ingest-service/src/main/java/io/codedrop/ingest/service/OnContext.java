package io.codedrop.ingest.service;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;

/**
 * Runs tasks on the caller's Vert.x context. The reactive session belongs to that context's event
 * loop: work that resumes elsewhere (a blocking endpoint's worker thread, a timer) hops back through it.
 */
final class OnContext {
    private OnContext() {
    }

    /** An executor for the current context; call it on a thread that has one (an event loop or a request's worker). */
    static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("no Vert.x context on " + Thread.currentThread().getName());
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
