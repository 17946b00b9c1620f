package io.codedrop.distribution;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A developer with a signed token, calling the developer endpoints the way their own server would. */
record TestDeveloper(String subject, String token) {
    /** The User-Agent of the developer's server; the audit keeps its family, {@code StudioServer on Linux}. */
    static final String SERVER_AGENT = "StudioServer/3.2 (Linux x86_64; build 4471)";

    static TestDeveloper signIn() {
        String subject = "dev-" + UUID.randomUUID();
        return new TestDeveloper(subject, Tokens.forDeveloper(subject, subject + "@studio.example"));
    }

    /** An active campaign of theirs, once distribution serves it. */
    CampaignSnapshot campaign() {
        return Stocking.campaign(CampaignFixtures.active(subject));
    }

    /** An active campaign of theirs on which {@code viewer} is a team member who only reads. */
    CampaignSnapshot campaignWithViewer(TestDeveloper viewer) {
        CampaignSnapshot base = CampaignFixtures.active(subject);
        return Stocking.campaign(new CampaignSnapshot(base.id(), base.name(), base.description(), base.appName(),
                base.status(), base.startsAt(), base.expiresAt(), base.maxClaimsPerUser(), base.maxTotalClaims(),
                base.metadata(), subject, null, Set.of(subject), Set.of(subject, viewer.subject()), base.createdAt(),
                base.updatedAt()));
    }

    RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("User-Agent", SERVER_AGENT);
    }
}
