package io.codedrop.distribution.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IpHasherTest {
    private static final byte[] KEY = "a secret of the operator".getBytes(StandardCharsets.UTF_8);

    @Test
    void oneAddressAlwaysGetsOneHashUnderOneKey() {
        assertEquals(new IpHasher(KEY).hash("203.0.113.7"), new IpHasher(KEY).hash("203.0.113.7"));
        assertNotEquals(new IpHasher(KEY).hash("203.0.113.7"), new IpHasher(KEY).hash("203.0.113.8"));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        byte[] other = "another secret".getBytes(StandardCharsets.UTF_8);

        assertNotEquals(new IpHasher(KEY).hash("203.0.113.7"), new IpHasher(other).hash("203.0.113.7"));
    }

    @Test
    void theHashIsNotThePlainDigestAnyoneCouldRecompute() throws Exception {
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest("203.0.113.7".getBytes(StandardCharsets.UTF_8)));

        assertNotEquals(plain, new IpHasher(KEY).hash("203.0.113.7"));
    }

    @Test
    void theHashFitsTheColumn() {
        assertEquals(43, new IpHasher(KEY).hash("2001:db8:85a3:8d3:1319:8a2e:370:7348").length());
    }
}
