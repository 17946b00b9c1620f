package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claim path's business metrics, read from the registry and as Prometheus scrapes them. */
@QuarkusTest
class ClaimMetricsTest {
    @Inject
    MeterRegistry registry;

    @Test
    void claimsAreCountedByPlatformAndOutcome() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, List.of("METRIC-0001"));
        double fulfilled = claims("fulfilled");
        double noCodes = claims("no_codes_available");
        double unknown = claims("unknown_campaign");

        Client client = Client.fresh();
        client.claim(campaign.id(), "metrics-1").statusCode(200);
        client.claim(campaign.id(), "metrics-2").statusCode(409);
        client.claim(UUID.randomUUID(), "metrics-3").statusCode(404);

        assertEquals(fulfilled + 1, claims("fulfilled"));
        assertEquals(noCodes + 1, claims("no_codes_available"));
        assertEquals(unknown + 1, claims("unknown_campaign"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("codedrop_claims_total{outcome=\"fulfilled\",platform=\"Android\"}"));
    }

    @Test
    void everyAllocationBatchRecordsItsSizeAndDuration() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, List.of("METRIC-0002"));
        var before = registry.find("codedrop.allocation.batch.size").summary();
        double claimsAllocated = before == null ? 0 : before.totalAmount();

        Client.fresh().claim(campaign.id(), "metrics-4").statusCode(200);

        assertEquals(claimsAllocated + 1, registry.get("codedrop.allocation.batch.size").summary().totalAmount(),
                "the one claim went through one batch");
        assertTrue(registry.get("codedrop.allocation.batch.duration").timer().count() > 0);
    }

    private double claims(String outcome) {
        var counter = registry.find("codedrop.claims").tags("platform", "Android", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
