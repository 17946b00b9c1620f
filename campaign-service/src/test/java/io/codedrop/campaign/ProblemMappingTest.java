package io.codedrop.campaign;

import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProblemMappingTest {
    private final String token = Tokens.forDeveloper(UUID.randomUUID().toString(), UUID.randomUUID() + "@example.com");

    @Test
    void malformedJsonIsBadRequestProblem() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void validationProblemNamesEveryField() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"max_claims_per_user\":0}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "app_name", "expires_at", "max_claims_per_user"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"app_name\":\"y\",\"expires_at\":\"not a date\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("expires_at"));
    }

    @Test
    void unknownRouteIsNotFoundProblem() {
        given().auth().oauth2(token)
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void unknownCampaignIsNotFoundProblem() {
        given().auth().oauth2(token)
                .when().get("/api/v1/campaigns/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
