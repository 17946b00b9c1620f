package io.codedrop.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/**
 * Bearer tokens signed with the key the OIDC test server publishes, so the services verify them the
 * way they verify a real identity provider's.
 */
public final class Tokens {
    private static final String ISSUER = "https://server.example.com";
    /** The OIDC test server's private key; its public half is on the server's JWKS endpoint. */
    private static final String SIGNING_KEY = "privateKey.jwk";

    private Tokens() {
    }

    public static String forDeveloper(String subject, String email) {
        return forDeveloper(subject, email, Set.of());
    }

    public static String forDeveloper(String subject, String email, Set<String> roles) {
        return Jwt.preferredUserName(email)
                .issuer(ISSUER)
                .subject(subject)
                .claim("email", email)
                .claim("name", "Dev " + subject)
                .groups(roles)
                .audience("https://service.example.com")
                .sign(SIGNING_KEY);
    }
}
