package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ClaimConcurrencyTest {
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    @TestHTTPResource("/api/v1/distribute/")
    URL distribute;

    @Inject
    Pool database;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aThousandUsersRacingForThreeHundredCodesGetEachCodeOnceAndNothingElse() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("RACE", 300));

        List<HttpResponse<String>> responses = fire(campaign.id(), 1000, i -> "user-" + i);

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertEquals(Map.of(200, 300L, 409, 700L), byStatus);
        List<String> codes = codesOf(responses);
        assertEquals(300, new HashSet<>(codes).size());
        assertEquals(300L, scalar("SELECT count(DISTINCT user_id) FROM claims WHERE campaign_id = $1", campaign.id()));
        assertEquals(0L, scalar("""
                SELECT count(*) FROM (SELECT user_id FROM claims WHERE campaign_id = $1
                                      GROUP BY user_id HAVING count(*) > 1) over_limit""", campaign.id()));
        assertEquals(1000L, scalar("SELECT count(*) FROM code_requests WHERE campaign_id = $1", campaign.id()));
        Stocking.awaitAvailable(campaign.id(), Platform.ANDROID, 0);
    }

    @Test
    void oneUserRacingThemselfTwentyTimesGetsOneCode() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("SELF", 50));

        List<HttpResponse<String>> responses = fire(campaign.id(), 20, i -> "the-same-phone");

        responses.forEach(response -> assertEquals(200, response.statusCode(), response.body()));
        Set<String> codes = new HashSet<>(codesOf(responses));
        assertEquals(1, codes.size());
        assertEquals(1L, scalar("SELECT count(*) FROM claims WHERE campaign_id = $1", campaign.id()));
    }

    private List<HttpResponse<String>> fire(UUID campaignId, int count, Function<Integer, String> deviceOf) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(distribute + campaignId.toString()))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "CodeDropTest/1.0")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"platform\":\"Android\",\"device_id\":\"" + deviceOf.apply(i) + "\"}"))
                    .build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    private static List<String> codesOf(List<HttpResponse<String>> responses) {
        List<String> codes = new ArrayList<>();
        for (HttpResponse<String> response : responses) {
            Matcher matcher = CODE.matcher(response.body());
            if (response.statusCode() == 200 && matcher.find()) {
                codes.add(matcher.group(1));
            }
        }
        return codes;
    }

    private long scalar(String sql, UUID campaignId) {
        return database.preparedQuery(sql).execute(Tuple.of(campaignId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
