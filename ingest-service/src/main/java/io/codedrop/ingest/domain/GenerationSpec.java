package io.codedrop.ingest.domain;

import io.codedrop.common.Platform;
import io.codedrop.ingest.generation.CodeSpace;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * What a generation job makes: {@code requested} codes of a shape, and how far it got. {@code target}
 * grows beyond {@code requested} when codes collided with ones the campaign already had and are
 * replaced; the permutation key makes the job resumable at any index without remembering its codes.
 */
@Embeddable
public class GenerationSpec {
    @Convert(converter = Columns.PlatformLabel.class)
    @Column(name = "platform")
    private Platform platform;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "code_prefix")
    private String prefix;
    @Column(name = "code_length")
    private Integer length;
    @Column(name = "charset")
    private String charset;
    @Column(name = "requested")
    private Long requested;
    @Column(name = "target")
    private Long target;
    @Column(name = "top_up_rounds")
    private Integer topUpRounds;
    @Column(name = "generation_key")
    private byte[] key;

    protected GenerationSpec() {
    }

    public GenerationSpec(Platform platform, Instant expiresAt, String prefix, int length, String charset,
                          long requested, byte[] key) {
        this.platform = platform;
        this.expiresAt = expiresAt;
        this.prefix = prefix;
        this.length = length;
        this.charset = charset;
        this.requested = requested;
        this.target = requested;
        this.topUpRounds = 0;
        this.key = key.clone();
    }

    public CodeSpace space() {
        return new CodeSpace(prefix, charset, length);
    }

    void addToTarget(long codes) {
        target += codes;
        topUpRounds++;
    }

    public Platform getPlatform() {
        return platform;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public long getRequested() {
        return requested;
    }

    public long getTarget() {
        return target;
    }

    public int getTopUpRounds() {
        return topUpRounds;
    }

    public byte[] getKey() {
        return key.clone();
    }
}
