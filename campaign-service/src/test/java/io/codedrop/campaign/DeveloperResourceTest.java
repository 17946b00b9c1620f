package io.codedrop.campaign;

import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void concurrentFirstCallsProvisionOneDeveloper() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.forDeveloper(subject, subject + "@studio.example");

        List<CompletableFuture<String>> calls = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                        .when().get("/api/v1/developers/me")
                        .then().statusCode(200)
                        .extract().<String>path("id")))
                .toList();

        Set<String> ids = calls.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertEquals(1, ids.size());
    }

    @Test
    void patchChangesTheSentFieldsAndLeavesTheOthers() {
        TestDeveloper developer = TestDeveloper.signIn();

        developer.api().body(Map.of("company_name", "Nebula Studios"))
                .when().patch("/api/v1/developers/me")
                .then().statusCode(200)
                .body("company_name", equalTo("Nebula Studios"))
                .body("name", equalTo("Dev " + developer.subject()));

        developer.api().body(Map.of("name", "Ada"))
                .when().patch("/api/v1/developers/me")
                .then().statusCode(200)
                .body("name", equalTo("Ada"))
                .body("company_name", equalTo("Nebula Studios"));
    }

    @Test
    void patchWithNullCompanyNameClearsIt() {
        TestDeveloper developer = TestDeveloper.signIn();
        developer.api().body(Map.of("company_name", "Nebula Studios"))
                .when().patch("/api/v1/developers/me")
                .then().statusCode(200);

        developer.api().body("{\"company_name\":null}")
                .when().patch("/api/v1/developers/me")
                .then().statusCode(200)
                .body("company_name", nullValue());
    }

    @Test
    void patchCannotChangeTheEmailWhichComesFromTheToken() {
        TestDeveloper developer = TestDeveloper.signIn();

        developer.api().body(Map.of("email", "someone-else@example.com", "name", "Ada"))
                .when().patch("/api/v1/developers/me")
                .then().statusCode(200)
                .body("email", equalTo(developer.email()));
    }

    @Test
    void patchWithNullNameIsRejectedNamingTheField() {
        TestDeveloper developer = TestDeveloper.signIn();

        developer.api().body("{\"name\":null}")
                .when().patch("/api/v1/developers/me")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("name"));
    }

    @Test
    void patchWithOverlongFieldsIsRejectedNamingEachField() {
        TestDeveloper developer = TestDeveloper.signIn();

        developer.api().body(Map.of("name", "n".repeat(256), "company_name", "c".repeat(256)))
                .when().patch("/api/v1/developers/me")
                .then().statusCode(400)
                .body("errors.field", contains("company_name", "name"));
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

    @Test
    void patchWithoutBodyIsRejected() {
        TestDeveloper developer = TestDeveloper.signIn();

        given().auth().oauth2(developer.token()).contentType(ContentType.JSON)
                .when().patch("/api/v1/developers/me")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }
}
