package io.codedrop.campaign;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TeamResourceTest {
    @Test
    void creatingATeamMakesTheCallerItsOwner() {
        TestDeveloper owner = TestDeveloper.signIn();

        var created = owner.api().body(Map.of("name", "Nebula Studios"))
                .when().post("/api/v1/teams")
                .then().statusCode(201)
                .body("name", equalTo("Nebula Studios"))
                .body("role", equalTo("owner"))
                .body("members.developer_id", contains(owner.id()))
                .body("members.role", contains("owner"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/teams/" + id));
        owner.api().get("/api/v1/teams/" + id).then().statusCode(200).body("name", equalTo("Nebula Studios"));
    }

    @Test
    void teamNameIsValidated() {
        TestDeveloper owner = TestDeveloper.signIn();

        owner.api().body(Map.of("name", " "))
                .when().post("/api/v1/teams")
                .then().statusCode(400)
                .body("errors.field", contains("name"));
    }

    @Test
    void listShowsTheCallersTeamsWithTheirRoleThere() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String shared = Teams.withMember(owner, viewer, "viewer");
        String own = Teams.create(viewer);
        Teams.create(owner);

        viewer.api().when().get("/api/v1/teams")
                .then().statusCode(200)
                .body("items.id", contains(own, shared))
                .body("items.role", contains("owner", "viewer"))
                .body("total", equalTo(2));
    }

    @Test
    void ownerAddsAMemberByEmail() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        String teamId = Teams.create(owner);

        owner.api().body(Map.of("email", member.email(), "role", "member"))
                .when().post("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(201)
                .body("developer_id", equalTo(member.id()))
                .body("email", equalTo(member.email()))
                .body("role", equalTo("member"));

        member.api().when().get("/api/v1/teams/" + teamId)
                .then().statusCode(200)
                .body("role", equalTo("member"))
                .body("members.developer_id", containsInAnyOrder(owner.id(), member.id()));
    }

    @Test
    void addingSomeoneAlreadyInTheTeamChangesTheirRole() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, member, "viewer");

        owner.api().body(Map.of("email", member.email(), "role", "admin"))
                .when().post("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(200)
                .body("role", equalTo("admin"));
    }

    @Test
    void addingSomeoneWhoNeverSignedInIsUnprocessable() {
        TestDeveloper owner = TestDeveloper.signIn();
        String teamId = Teams.create(owner);

        owner.api().body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "role", "member"))
                .when().post("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void unknownRoleIsRefusedNamingTheField() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        String teamId = Teams.create(owner);

        owner.api().body(Map.of("email", member.email(), "role", "boss"))
                .when().post("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(400)
                .body("errors.field", contains("role"))
                .body("errors[0].message", equalTo("must be one of owner, admin, member, viewer"));
    }

    @Test
    void nonMemberGetsNotFoundForTheTeam() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper stranger = TestDeveloper.signIn();
        String teamId = Teams.create(owner);

        stranger.api().get("/api/v1/teams/" + teamId).then().statusCode(404);
        stranger.api().body(Map.of("email", stranger.email(), "role", "owner"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(404);
        stranger.api().delete("/api/v1/teams/" + teamId + "/members/" + owner.id()).then().statusCode(404);
        stranger.api().get("/api/v1/teams").then().body("total", equalTo(0));
    }

    @Test
    void membersAndViewersCannotManageMembers() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        TestDeveloper newcomer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, member, "member");
        Teams.add(owner, teamId, viewer, "viewer");

        for (TestDeveloper refused : new TestDeveloper[]{member, viewer}) {
            refused.api().body(Map.of("email", newcomer.email(), "role", "viewer"))
                    .post("/api/v1/teams/" + teamId + "/members")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        member.api().delete("/api/v1/teams/" + teamId + "/members/" + viewer.id()).then().statusCode(403);
    }

    @Test
    void adminManagesMembersButNotOwners() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper admin = TestDeveloper.signIn();
        TestDeveloper newcomer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, admin, "admin");

        admin.api().body(Map.of("email", newcomer.email(), "role", "member"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(201);
        admin.api().delete("/api/v1/teams/" + teamId + "/members/" + newcomer.id()).then().statusCode(204);
        admin.api().body(Map.of("email", newcomer.email(), "role", "owner"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(403);
        admin.api().body(Map.of("email", owner.email(), "role", "member"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(403);
        admin.api().delete("/api/v1/teams/" + teamId + "/members/" + owner.id()).then().statusCode(403);
    }

    @Test
    void ownerMakesAnotherOwnerWhoCanThenRemoveTheFirst() {
        TestDeveloper founder = TestDeveloper.signIn();
        TestDeveloper partner = TestDeveloper.signIn();
        String teamId = Teams.withMember(founder, partner, "owner");

        partner.api().delete("/api/v1/teams/" + teamId + "/members/" + founder.id()).then().statusCode(204);

        founder.api().get("/api/v1/teams/" + teamId).then().statusCode(404);
    }

    @Test
    void theLastOwnerCannotLeaveOrBeDemoted() {
        TestDeveloper owner = TestDeveloper.signIn();
        String teamId = Teams.create(owner);

        owner.api().delete("/api/v1/teams/" + teamId + "/members/" + owner.id())
                .then().statusCode(409)
                .contentType("application/problem+json");
        owner.api().body(Map.of("email", owner.email(), "role", "admin"))
                .post("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(409);
    }

    @Test
    void aMemberCanLeaveTheTeam() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, viewer, "viewer");

        viewer.api().delete("/api/v1/teams/" + teamId + "/members/" + viewer.id()).then().statusCode(204);

        viewer.api().get("/api/v1/teams/" + teamId).then().statusCode(404);
        owner.api().get("/api/v1/teams/" + teamId).then().body("members.developer_id", contains(owner.id()));
    }

    @Test
    void removingSomeoneNotInTheTeamIsNotFound() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper outsider = TestDeveloper.signIn();
        String teamId = Teams.create(owner);

        owner.api().delete("/api/v1/teams/" + teamId + "/members/" + outsider.id()).then().statusCode(404);
    }
}
