package io.codedrop.distribution.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Replaces an IP address by HMAC-SHA256 under a secret key: the same address gives the same hash (so
 * abuse from one address stays visible), but without the key the hash cannot be reversed by trying
 * all four billion IPv4 addresses, as a plain hash could.
 */
@ApplicationScoped
public class IpHasher {
    private static final Logger LOG = Logger.getLogger(IpHasher.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Inject
    public IpHasher(PrivacyConfig config) {
        this(config.ipHashKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(IpHasher::randomKey));
    }

    IpHasher(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** 43 characters (base64url of 32 bytes, unpadded). */
    public String hash(String ipAddress) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(ipAddress.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] randomKey() {
        LOG.warn("codedrop.privacy.ip-hash-key is not set: IP hashes use a random key and differ between processes");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
