package io.codedrop.distribution;

import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** An iPhone claiming codes through the public API. */
final class EndUser {
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    private EndUser() {
    }

    /** Claims a code for the device and answers it. */
    static String claim(UUID campaignId, String deviceId) {
        return given().contentType(ContentType.JSON).header("User-Agent", IPHONE)
                .body("{\"platform\":\"iOS\",\"device_id\":\"" + deviceId + "\"}")
                .when().post("/api/v1/distribute/" + campaignId)
                .then().statusCode(200)
                .extract().path("code");
    }
}
