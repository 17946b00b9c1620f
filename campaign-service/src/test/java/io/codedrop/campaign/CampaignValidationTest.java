package io.codedrop.campaign;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@QuarkusTest
class CampaignValidationTest {
    private static final String PAST = Instant.now().minus(1, ChronoUnit.DAYS).toString();

    static Stream<Arguments> invalidCreations() {
        return Stream.of(
                arguments("name", "empty", ""),
                arguments("name", "blank", "   "),
                arguments("name", "256-character", "n".repeat(256)),
                arguments("app_name", "empty", ""),
                arguments("app_name", "256-character", "a".repeat(256)),
                arguments("expires_at", "past", PAST),
                arguments("max_claims_per_user", "zero", 0),
                arguments("max_total_claims", "zero", 0),
                arguments("metadata", "over 16 KB of", Map.of("blob", "x".repeat(16 * 1024))));
    }

    @ParameterizedTest(name = "creation with {1} {0} is refused naming {0}")
    @MethodSource("invalidCreations")
    void invalidFieldOnCreationIsABadRequestNamingIt(String field, String what, Object value) {
        TestDeveloper owner = TestDeveloper.signIn();

        owner.api().body(Campaigns.body(field, value))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void expiryNotAfterTheStartIsRefused() {
        TestDeveloper owner = TestDeveloper.signIn();
        Instant expiry = Instant.now().plus(2, ChronoUnit.DAYS);
        Map<String, Object> body = Campaigns.body("expires_at", expiry.toString());
        body.put("starts_at", expiry.plus(1, ChronoUnit.HOURS).toString());

        owner.api().body(body)
                .when().post("/api/v1/campaigns")
                .then().statusCode(400)
                .body("errors.field", contains("expires_at"));
    }

    @Test
    void boundaryValuesAreAccepted() {
        TestDeveloper owner = TestDeveloper.signIn();
        Map<String, Object> body = Campaigns.body("name", "n".repeat(255));
        body.put("app_name", "a".repeat(255));
        body.put("max_claims_per_user", 1);
        body.put("max_total_claims", 1);
        body.put("metadata", Map.of("blob", "x".repeat(16 * 1024 - 20)));

        owner.api().body(body)
                .when().post("/api/v1/campaigns")
                .then().statusCode(201);
    }

    @Test
    void unknownMembersAreIgnored() {
        TestDeveloper owner = TestDeveloper.signIn();

        owner.api().body(Campaigns.body("colour", "teal"))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201);
    }

    static Stream<Arguments> invalidPatches() {
        return Stream.of(
                arguments("name", "blank", "  "),
                arguments("name", "256-character", "n".repeat(256)),
                arguments("app_name", "empty", ""),
                arguments("expires_at", "past", PAST),
                arguments("max_claims_per_user", "zero", 0),
                arguments("max_total_claims", "negative", -3),
                arguments("status", "unknown", "sleeping"),
                arguments("metadata", "over 16 KB of", Map.of("blob", "x".repeat(16 * 1024))));
    }

    @ParameterizedTest(name = "patch with {1} {0} is refused naming {0}")
    @MethodSource("invalidPatches")
    void invalidFieldOnPatchIsABadRequestNamingIt(String field, String what, Object value) {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        owner.api().body(Map.of(field, value))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void patchClearingRequiredFieldsNamesEachOfThem() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        owner.api().body("""
                        {"name":null,"app_name":null,"status":null,"expires_at":null,"max_claims_per_user":null}""")
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(400)
                .body("errors.field", contains("app_name", "expires_at", "max_claims_per_user", "name", "status"))
                .body("errors[0].message", equalTo("must not be null"));
    }

    @Test
    void patchedExpiryBeforeTheExistingStartIsRefused() {
        TestDeveloper owner = TestDeveloper.signIn();
        Map<String, Object> body = Campaigns.body("starts_at", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        String id = Campaigns.create(owner, body);

        owner.api().body(Map.of("expires_at", Instant.now().plus(2, ChronoUnit.DAYS).toString()))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(400)
                .body("errors.field", contains("expires_at"));
    }

    @Test
    void patchedStartAfterTheExistingExpiryIsRefused() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        owner.api().body(Map.of("starts_at", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(400)
                .body("errors.field", contains("starts_at"));
    }

    @Test
    void refusedPatchChangesNothing() {
        TestDeveloper owner = TestDeveloper.signIn();
        Map<String, Object> body = Campaigns.body();
        String id = Campaigns.create(owner, body);

        owner.api().body(Map.of("name", "Renamed", "starts_at", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(400);

        owner.api().when().get("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("name", equalTo(body.get("name")));
    }
}
