package io.codedrop.distribution.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Runs the privacy rules on a schedule ({@code codedrop.privacy.every}). */
@ApplicationScoped
public class PrivacyJob {
    private static final Logger LOG = Logger.getLogger(PrivacyJob.class);

    private final PrivacyService privacy;

    public PrivacyJob(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Scheduled(identity = "privacy", every = "${codedrop.privacy.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return privacy.run(Instant.now())
                .invoke(run -> {
                    if (run.ipsHashed() > 0 || run.usersDeleted() > 0) {
                        LOG.infof("privacy: %d IPs hashed, %d end users deleted", run.ipsHashed(), run.usersDeleted());
                    }
                })
                .replaceWithVoid();
    }
}
