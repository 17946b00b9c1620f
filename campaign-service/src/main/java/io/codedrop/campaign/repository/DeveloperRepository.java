package io.codedrop.campaign.repository;

import io.codedrop.campaign.domain.Developer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeveloperRepository implements PanacheRepositoryBase<Developer, UUID> {
    public Uni<Developer> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    public Uni<Developer> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResult();
    }

    public Uni<List<Developer>> findByIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /**
     * Creates the account unless one exists. ON CONFLICT keeps a concurrent first call from failing
     * the caller's transaction: the loser inserts nothing and re-reads the winner's row.
     */
    public Uni<Integer> insertIfAbsent(String subject, String email, String name) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO developers (id, subject, email, name, verified, created_at, updated_at)
                        VALUES (gen_random_uuid(), ?1, ?2, ?3, false, now(), now())
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, subject)
                .setParameter(2, email)
                .setParameter(3, name)
                .executeUpdate());
    }
}
