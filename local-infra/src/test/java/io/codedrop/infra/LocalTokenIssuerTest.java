package io.codedrop.infra;

import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalTokenIssuerTest {
    @TempDir
    Path home;

    @Test
    void mintedTokenVerifiesWithThePublishedKeyAndCarriesTheDeveloper() throws Exception {
        LocalTokenIssuer issuer = new LocalTokenIssuer(home);
        issuer.ensureKeys();

        String token = issuer.mint("a@example.com", "Ada", Set.of("admin"), Duration.ofMinutes(5));

        PublicKey key = KeyUtils.decodePublicKey(issuer.publicKey());
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(LocalTokenIssuer.ISSUER)
                .setSkipDefaultAudienceValidation()
                .build()
                .processToClaims(token);
        assertEquals(LocalTokenIssuer.subjectFor("a@example.com"), claims.getSubject());
        assertEquals("a@example.com", claims.getClaimValueAsString("email"));
        assertEquals("Ada", claims.getClaimValueAsString("name"));
        assertEquals(List.of("admin"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void keysSurviveASecondStartSoIssuedTokensStayValid() {
        LocalTokenIssuer first = new LocalTokenIssuer(home);
        first.ensureKeys();
        String published = first.publicKey();

        LocalTokenIssuer second = new LocalTokenIssuer(home);
        second.ensureKeys();

        assertEquals(published, second.publicKey());
    }

    @Test
    void subjectIsStablePerEmailWhateverTheCase() {
        assertEquals(LocalTokenIssuer.subjectFor("A@Example.com"), LocalTokenIssuer.subjectFor("a@example.com"));
    }

    @Test
    void withoutKeysTheIssuerSaysToRunUpFirst() {
        var error = assertThrows(RuntimeException.class, () -> new LocalTokenIssuer(home).publicKey());
        assertEquals(true, error.getMessage().contains("./codedrop up"));
    }
}
