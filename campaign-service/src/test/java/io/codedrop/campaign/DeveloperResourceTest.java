package io.codedrop.campaign;

import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class DeveloperResourceTest {
    @Test
    void meProvisionsTheDeveloperFromTheTokenOnFirstCall() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.forDeveloper(subject, subject + "@studio.example");

        String id = given().auth().oauth2(token)
                .when().get("/api/v1/developers/me")
                .then().statusCode(200)
                .body("email", equalTo(subject + "@studio.example"))
                .body("name", equalTo("Dev " + subject))
                .body("verified", equalTo(false))
                .body("created_at", notNullValue())
                .extract().path("id");

        given().auth().oauth2(token)
                .when().get("/api/v1/developers/me")
                .then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void meWithoutTokenIsUnauthorizedProblem() {
        given().when().get("/api/v1/developers/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void meWithForgedTokenIsUnauthorizedProblem() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/api/v1/developers/me")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
