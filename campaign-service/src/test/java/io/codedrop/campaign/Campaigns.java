package io.codedrop.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Campaign request bodies and creation through the API. */
final class Campaigns {
    private Campaigns() {
    }

    /** A valid creation body, open for a week; callers add or override members. */
    static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Launch " + UUID.randomUUID());
        body.put("app_name", "Space Game");
        body.put("expires_at", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString());
        return body;
    }

    static Map<String, Object> body(String member, Object value) {
        Map<String, Object> body = body();
        body.put(member, value);
        return body;
    }

    static String create(TestDeveloper owner) {
        return create(owner, body());
    }

    static String create(TestDeveloper owner, Map<String, Object> body) {
        return owner.api().body(body)
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String createInTeam(TestDeveloper creator, String teamId) {
        return create(creator, body("team_id", teamId));
    }

    static void changeStatus(TestDeveloper developer, String id, String status) {
        developer.api().body(Map.of("status", status))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(200);
    }
}
