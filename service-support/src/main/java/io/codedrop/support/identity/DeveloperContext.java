package io.codedrop.support.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Resolves the current request's token into a {@link Developer}; resources hand that to services. */
@RequestScoped
public class DeveloperContext {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public DeveloperContext(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Developer current() {
        if (identity.isAnonymous() || token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        String email = token.getClaim("email");
        String name = token.getClaim("name");
        return new Developer(token.getSubject(), email, name, identity.hasRole(Developer.ADMIN_ROLE));
    }
}
