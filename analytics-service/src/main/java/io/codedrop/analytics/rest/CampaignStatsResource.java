package io.codedrop.analytics.rest;

import io.codedrop.analytics.aggregation.CampaignStatsService;
import io.codedrop.analytics.aggregation.StatsStreams;
import io.codedrop.analytics.config.AnalyticsConfig;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.UUID;

@Path("/api/v1/analytics/campaigns")
@Authenticated
public class CampaignStatsResource {
    private static final String STATS_EVENT = "stats";
    private static final String CLOSING = "closing";

    private final CampaignStatsService stats;
    private final StatsStreams streams;
    private final DeveloperContext caller;
    private final AnalyticsConfig config;

    public CampaignStatsResource(CampaignStatsService stats, StatsStreams streams, DeveloperContext caller,
                                 AnalyticsConfig config) {
        this.stats = stats;
        this.streams = streams;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{campaignId}")
    public Uni<CampaignStatsResponse> campaign(@PathParam("campaignId") UUID campaignId) {
        return stats.campaignStats(caller.current(), campaignId);
    }

    /**
     * Server-sent events: a {@code stats} event with the campaign's document at once and after every
     * change (coalesced), and a comment as keep-alive on quiet streams. Written to a sink rather than
     * returned as a Multi because an SSE Multi commits 200 before its first item: access is checked
     * first, so a stranger gets a 404 problem document like on every other endpoint.
     */
    @GET
    @Path("/{campaignId}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Uni<Void> stream(@PathParam("campaignId") UUID campaignId, @Context SseEventSink sink, @Context Sse sse,
                            @Context RoutingContext routing) {
        return streams.open(caller.current(), campaignId)
                .invoke(updates -> {
                    Cancellable relay = events(updates, sse)
                            .onItem().transformToUniAndConcatenate(event -> Uni.createFrom()
                                    .completionStage(() -> sink.send(event)))
                            .subscribe().with(sent -> { }, failure -> sink.close(), sink::close);
                    // the client went away: stop pushing and release the campaign's stream
                    routing.addEndHandler(ended -> relay.cancel());
                })
                .replaceWithVoid();
    }

    private Multi<OutboundSseEvent> events(Multi<CampaignStatsResponse> updates, Sse sse) {
        Multi<OutboundSseEvent> documents = updates
                .map(document -> sse.newEventBuilder()
                        .name(STATS_EVENT)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(document)
                        .build())
                // marks the end, so that the keep-alives below stop with the documents
                .onCompletion().continueWith(sse.newEventBuilder().name(CLOSING).comment(CLOSING).build());
        Multi<OutboundSseEvent> keepAlives = Multi.createFrom().ticks().every(config.stream().keepAlive())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(documents, keepAlives)
                .select().first(event -> !CLOSING.equals(event.getName()));
    }
}
