package io.codedrop.campaign.service;

import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.mapping.DeveloperMapper;
import io.codedrop.campaign.repository.DeveloperRepository;
import io.codedrop.campaign.rest.DeveloperUpdateRequest;
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

    /**
     * The caller's account, created from the token's claims on their first call. Two first calls at
     * once both end with the one row: the second insert does nothing and both read it back.
     */
    @WithTransaction
    public Uni<Developer> provision(io.codedrop.support.identity.Developer caller) {
        if (caller.email() == null || caller.email().isBlank()) {
            return Uni.createFrom().failure(Problems.unprocessable("token-without-email",
                    "the bearer token carries no email claim"));
        }
        return developers.findBySubject(caller.subject())
                .onItem().ifNull().switchTo(() -> developers.insertIfAbsent(caller.subject(), caller.email(),
                                truncate(caller.name()))
                        .chain(() -> developers.findBySubject(caller.subject()))
                        .onItem().ifNull().failWith(() -> Problems.conflict("email-in-use",
                                "another developer account already uses the token's email")));
    }

    @WithTransaction
    public Uni<Developer> update(io.codedrop.support.identity.Developer caller, DeveloperUpdateRequest request) {
        return provision(caller)
                .invoke(developer -> {
                    DeveloperMapper.applyUpdate(request, developer);
                    developer.touch();
                });
    }

    private static String truncate(String name) {
        return name == null || name.length() <= 255 ? name : name.substring(0, 255);
    }
}
