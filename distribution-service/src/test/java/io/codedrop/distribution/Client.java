package io.codedrop.distribution;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** An end user's app behind an address of its own (X-Forwarded-For, trusted from loopback in LimitsProfile). */
record Client(String ip) {
    static final String PIXEL = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile";

    /** A fresh address, so no other test's counts apply to it. */
    static Client fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Client("10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(1, 255)));
    }

    ValidatableResponse claim(UUID campaignId, String deviceId) {
        return given().contentType(ContentType.JSON).header("User-Agent", PIXEL).header("X-Forwarded-For", ip)
                .body("{\"platform\":\"Android\",\"device_id\":\"" + deviceId + "\"}")
                .when().post("/api/v1/distribute/" + campaignId)
                .then();
    }

    ValidatableResponse describe(UUID campaignId) {
        return given().header("X-Forwarded-For", ip)
                .when().get("/api/v1/distribute/" + campaignId)
                .then();
    }
}
