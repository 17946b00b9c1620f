package io.codedrop.campaign.service;

import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.repository.DeveloperRepository;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Developer accounts: the token is the source of identity, this service keeps the profile. */
@ApplicationScoped
public class DeveloperService {
    private final DeveloperRepository developers;

    public DeveloperService(DeveloperRepository developers) {
        this.developers = developers;
    }

    /** The caller's account, created from the token's claims on their first call. */
    @WithTransaction
    public Uni<Developer> provision(io.codedrop.support.identity.Developer caller) {
        if (caller.email() == null || caller.email().isBlank()) {
            return Uni.createFrom().failure(Problems.unprocessable("token-without-email",
                    "the bearer token carries no email claim"));
        }
        return developers.findBySubject(caller.subject())
                .onItem().ifNull().switchTo(() -> developers.persist(
                        new Developer(caller.subject(), caller.email(), caller.name())));
    }
}
