package io.codedrop.analytics;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.codedrop.analytics.StatsEvents.claim;
import static io.codedrop.analytics.StatsEvents.rejected;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PlatformStatsTest {
    private static final String PLATFORMS = "/api/v1/analytics/platforms";

    @Test
    void statsSumTheCallersCampaignsPerPlatformAndDayWithTheirConversionRate() {
        String caller = "owner-" + UUID.randomUUID();
        UUID first = campaignOf(caller);
        UUID second = campaignOf(caller);
        UUID someoneElses = campaignOf("owner-" + UUID.randomUUID());
        List<DomainEvent> events = new ArrayList<>();
        events.addAll(times(3, () -> claim(first, Platform.IOS, at(2024, 5, 1))));
        events.add(rejected(first, Platform.IOS, RequestStatus.NO_CODES_AVAILABLE, at(2024, 5, 1)));
        events.add(claim(second, Platform.IOS, at(2024, 5, 1)));
        events.add(rejected(second, Platform.IOS, RequestStatus.RATE_LIMITED, at(2024, 5, 1)));
        events.addAll(times(2, () -> rejected(first, Platform.ANDROID, RequestStatus.BLOCKED, at(2024, 5, 1))));
        events.add(claim(second, Platform.ANDROID, at(2024, 5, 2)));
        events.addAll(times(5, () -> claim(someoneElses, Platform.IOS, at(2024, 5, 1))));

        StatsEvents.publish(events);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token(caller))
                .queryParam("from", "2024-05-01")
                .queryParam("to", "2024-05-02")
                .when().get(PLATFORMS)
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.date", contains("2024-05-01", "2024-05-01", "2024-05-02"))
                .body("items.platform", contains("Android", "iOS", "Android"))
                .body("items.total_requests", contains(2, 6, 1))
                .body("items.fulfilled_requests", contains(0, 4, 1))
                .body("items.conversion_rate", contains(0.0f, 66.67f, 100.0f)));
    }

    @Test
    void adminSeesEveryCampaign() {
        UUID first = campaignOf("owner-" + UUID.randomUUID());
        UUID second = campaignOf("owner-" + UUID.randomUUID());
        StatsEvents.publish(List.of(claim(first, Platform.STEAM, at(2019, 7, 14)),
                rejected(second, Platform.STEAM, RequestStatus.NO_CODES_AVAILABLE, at(2019, 7, 14))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forDeveloper("ops", "ops@example.com", Set.of("admin")))
                .queryParam("from", "2019-07-14")
                .queryParam("to", "2019-07-14")
                .when().get(PLATFORMS)
                .then().statusCode(200)
                .body("items.platform", contains("Steam"))
                .body("items.total_requests", contains(2))
                .body("items.conversion_rate", contains(50.0f)));
    }

    @Test
    void withoutDatesTheRecentDaysUpToTodayAreReported() {
        String caller = "owner-" + UUID.randomUUID();
        UUID campaign = campaignOf(caller);
        StatsEvents.publish(List.of(claim(campaign, Platform.WEB, Instant.now()),
                claim(campaign, Platform.WEB, Instant.now().minus(Duration.ofDays(29))),
                claim(campaign, Platform.WEB, Instant.now().minus(Duration.ofDays(45)))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token(caller))
                .when().get(PLATFORMS)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.date", contains(LocalDate.now(ZoneOffset.UTC).minusDays(29).toString(),
                        LocalDate.now(ZoneOffset.UTC).toString())));
    }

    @Test
    void anInvalidDateIsRejectedNamingTheField() {
        given().auth().oauth2(token("owner-" + UUID.randomUUID()))
                .queryParam("from", "2024-02-30")
                .when().get(PLATFORMS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("from"));
    }

    @Test
    void aStartAfterTheEndIsRejected() {
        given().auth().oauth2(token("owner-" + UUID.randomUUID()))
                .queryParam("from", "2024-05-02")
                .queryParam("to", "2024-05-01")
                .when().get(PLATFORMS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("from"));
    }

    @Test
    void aRangeLongerThanTheMaximumIsRejected() {
        given().auth().oauth2(token("owner-" + UUID.randomUUID()))
                .queryParam("from", "2023-01-01")
                .queryParam("to", "2024-12-31")
                .when().get(PLATFORMS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("to"));
    }

    @Test
    void aPageSizeOverTheLimitIsRejectedNamingTheField() {
        given().auth().oauth2(token("owner-" + UUID.randomUUID()))
                .queryParam("size", 501)
                .when().get(PLATFORMS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("size"));
    }

    private static UUID campaignOf(String owner) {
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        return campaign.id();
    }

    private static List<DomainEvent> times(int count, java.util.function.Supplier<DomainEvent> event) {
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event.get());
        }
        return events;
    }

    private static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static String token(String subject) {
        return Tokens.forDeveloper(subject, subject + "@example.com");
    }
}
