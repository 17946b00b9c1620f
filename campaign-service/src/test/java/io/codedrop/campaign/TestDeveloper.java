package io.codedrop.campaign;

import io.codedrop.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A developer with a signed token, already provisioned (so teams can add them by email). */
record TestDeveloper(String subject, String email, String token, String id) {
    static TestDeveloper signIn() {
        String subject = "dev-" + UUID.randomUUID();
        String email = subject + "@studio.example";
        String token = Tokens.forDeveloper(subject, email);
        String id = given().auth().oauth2(token)
                .when().get("/api/v1/developers/me")
                .then().statusCode(200)
                .extract().path("id");
        return new TestDeveloper(subject, email, token, id);
    }

    /** A request as this developer, with a JSON body type. */
    RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
