package io.codedrop.campaign;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Team campaigns by role: viewers read, members and above manage, outsiders learn nothing. */
@QuarkusTest
class TeamCampaignAccessTest {
    @Test
    void memberCreatesACampaignForTheTeam() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, member, "member");

        member.api().body(Campaigns.body("team_id", teamId))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .body("team_id", equalTo(teamId));
    }

    @Test
    void viewerCannotCreateACampaignForTheTeam() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, viewer, "viewer");

        viewer.api().body(Campaigns.body("team_id", teamId))
                .when().post("/api/v1/campaigns")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void outsiderCannotCreateACampaignForTheTeam() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper outsider = TestDeveloper.signIn();
        String teamId = Teams.create(owner);

        outsider.api().body(Campaigns.body("team_id", teamId)).post("/api/v1/campaigns").then().statusCode(404);
        outsider.api().body(Campaigns.body("team_id", UUID.randomUUID().toString()))
                .post("/api/v1/campaigns").then().statusCode(404);
    }

    @Test
    void everyMemberSeesTheTeamsCampaigns() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, viewer, "viewer");
        String campaign = Campaigns.createInTeam(owner, teamId);

        viewer.api().get("/api/v1/campaigns/" + campaign).then().statusCode(200).body("team_id", equalTo(teamId));
        viewer.api().get("/api/v1/campaigns").then().body("items.id", contains(campaign));
    }

    @Test
    void viewerCannotChangeOrDeleteTeamCampaigns() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, viewer, "viewer");
        String campaign = Campaigns.createInTeam(owner, teamId);

        viewer.api().body(Map.of("status", "paused")).patch("/api/v1/campaigns/" + campaign)
                .then().statusCode(403)
                .contentType("application/problem+json");
        viewer.api().delete("/api/v1/campaigns/" + campaign).then().statusCode(403);
        owner.api().get("/api/v1/campaigns/" + campaign).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void memberChangesAndDeletesCampaignsOthersCreatedForTheTeam() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, member, "member");
        String campaign = Campaigns.createInTeam(owner, teamId);

        member.api().body(Map.of("status", "paused")).patch("/api/v1/campaigns/" + campaign)
                .then().statusCode(200).body("status", equalTo("paused"));
        member.api().delete("/api/v1/campaigns/" + campaign).then().statusCode(204);
        owner.api().get("/api/v1/campaigns/" + campaign).then().statusCode(404);
    }

    @Test
    void outsiderGetsNotFoundForTeamCampaigns() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper outsider = TestDeveloper.signIn();
        String campaign = Campaigns.createInTeam(owner, Teams.create(owner));

        outsider.api().get("/api/v1/campaigns/" + campaign).then().statusCode(404);
        outsider.api().body(Map.of("status", "paused")).patch("/api/v1/campaigns/" + campaign).then().statusCode(404);
        outsider.api().delete("/api/v1/campaigns/" + campaign).then().statusCode(404);
        outsider.api().get("/api/v1/campaigns").then().body("items.id", not(hasItem(campaign)));
    }

    @Test
    void removedMemberLosesAccessToTheTeamsCampaigns() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, member, "member");
        String campaign = Campaigns.createInTeam(member, teamId);

        owner.api().delete("/api/v1/teams/" + teamId + "/members/" + member.id()).then().statusCode(204);

        member.api().get("/api/v1/campaigns/" + campaign).then().statusCode(404);
        member.api().get("/api/v1/campaigns").then().body("total", equalTo(0));
        owner.api().get("/api/v1/campaigns/" + campaign).then().statusCode(200);
    }

    @Test
    void demotedMemberCanStillReadButNoLongerChange() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, member, "member");
        String campaign = Campaigns.createInTeam(owner, teamId);

        owner.api().body(Map.of("email", member.email(), "role", "viewer"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(200);

        member.api().get("/api/v1/campaigns/" + campaign).then().statusCode(200);
        member.api().body(Map.of("name", "Mine now")).patch("/api/v1/campaigns/" + campaign).then().statusCode(403);
    }
}
