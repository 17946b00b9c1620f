package io.codedrop.ingest.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Drives pending generations to the end. Polling the jobs table (a partial index keeps it cheap)
 * means new jobs, top-ups and jobs cut short by a restart all resume the same way, on any replica:
 * each step locks its job and skips jobs locked elsewhere, so replicas share the work.
 */
@ApplicationScoped
public class GenerationWorker {
    private final GenerationService generations;

    public GenerationWorker(GenerationService generations) {
        this.generations = generations;
    }

    @Scheduled(every = "{codedrop.ingest.generation.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> generatePending() {
        return Multi.createBy().repeating()
                .uni(generations::generateNextStep)
                .whilst(Boolean::booleanValue)
                .collect().last()
                .replaceWithVoid();
    }
}
