package io.codedrop.campaign;

import java.util.Map;

/** Teams built through the API. */
final class Teams {
    private Teams() {
    }

    static String create(TestDeveloper owner) {
        return owner.api().body(Map.of("name", "Studio " + owner.subject()))
                .when().post("/api/v1/teams")
                .then().statusCode(201)
                .extract().path("id");
    }

    static void add(TestDeveloper manager, String teamId, TestDeveloper member, String role) {
        manager.api().body(Map.of("email", member.email(), "role", role))
                .when().post("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(201);
    }

    /** A team owned by {@code owner} with {@code member} in the given role. */
    static String withMember(TestDeveloper owner, TestDeveloper member, String role) {
        String teamId = create(owner);
        add(owner, teamId, member, role);
        return teamId;
    }
}
