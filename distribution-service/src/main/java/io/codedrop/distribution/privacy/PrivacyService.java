package io.codedrop.distribution.privacy;

import io.codedrop.distribution.privacy.PrivacyRepository.IpTable;
import io.codedrop.distribution.privacy.PrivacyRepository.StoredIp;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * SPEC §4.8: IPs are replaced by their keyed hash once older than the IP retention, end users are deleted
 * once not seen for the end-user retention. Works in batches, each its own short transaction; replicas
 * running it at once skip each other's rows.
 */
@ApplicationScoped
public class PrivacyService {
    private final Pool pool;
    private final PrivacyRepository privacy;
    private final IpHasher hasher;
    private final PrivacyConfig config;

    public PrivacyService(Pool pool, PrivacyRepository privacy, IpHasher hasher, PrivacyConfig config) {
        this.pool = pool;
        this.privacy = privacy;
        this.hasher = hasher;
        this.config = config;
    }

    /** Everything due at {@code now}. */
    public Uni<PrivacyRun> run(Instant now) {
        Instant hashBefore = now.minus(config.ipRetention());
        Instant forgetBefore = now.minus(config.endUserRetention());
        return hashIps(IpTable.END_USERS, hashBefore)
                .chain(users -> hashIps(IpTable.REDEMPTION_ATTEMPTS, hashBefore).map(attempts -> users + attempts))
                .chain(hashed -> hashIps(IpTable.CODE_AUDIT, hashBefore).map(audit -> hashed + audit))
                .chain(hashed -> drain(() -> privacy.deleteUsersLastSeenBefore(forgetBefore, config.batchSize()))
                        .map(deleted -> new PrivacyRun(hashed, deleted)));
    }

    private Uni<Long> hashIps(IpTable table, Instant before) {
        return drain(() -> pool.withTransaction(connection -> privacy
                .dueIps(connection, table, before, config.batchSize())
                .call(due -> due.isEmpty() ? Uni.createFrom().voidItem()
                        : privacy.storeHashes(connection, table, due, hashes(due)))
                .map(List::size)));
    }

    private List<String> hashes(List<StoredIp> due) {
        return due.stream().map(row -> hasher.hash(row.ipAddress())).toList();
    }

    /** Runs batches until one comes back short; answers the rows they changed. */
    private Uni<Long> drain(Supplier<Uni<Integer>> batch) {
        return Multi.createBy().repeating().uni(batch::get)
                .whilst(changed -> changed == config.batchSize())
                .collect().with(Collectors.summingLong(Integer::longValue));
    }

    /** What one run changed. */
    public record PrivacyRun(long ipsHashed, long usersDeleted) {
    }
}
