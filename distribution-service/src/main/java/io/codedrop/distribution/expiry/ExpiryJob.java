package io.codedrop.distribution.expiry;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Runs code expiry on a schedule ({@code codedrop.expiry.every});
 * replicas running it at once take turns per campaign.
 */
@ApplicationScoped
public class ExpiryJob {
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final ExpiryService expiry;

    public ExpiryJob(ExpiryService expiry) {
        this.expiry = expiry;
    }

    @Scheduled(identity = "code-expiry", every = "${codedrop.expiry.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return expiry.expireDue(Instant.now())
                .invoke(expired -> {
                    if (expired > 0) {
                        LOG.infof("expired %d codes", expired);
                    }
                })
                .replaceWithVoid();
    }
}
