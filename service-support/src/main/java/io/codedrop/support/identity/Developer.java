package io.codedrop.support.identity;

/**
 * The developer behind a request, from the bearer token: {@code sub} identifies them across services,
 * {@code email} and {@code name} provision their profile, the {@code admin} role sees every campaign's stats.
 */
public record Developer(String subject, String email, String name, boolean admin) {
    public static final String ADMIN_ROLE = "admin";
}
