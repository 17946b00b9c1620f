package io.codedrop.campaign.repository;

import io.codedrop.campaign.domain.Developer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class DeveloperRepository implements PanacheRepositoryBase<Developer, UUID> {
    public Uni<Developer> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }
}
