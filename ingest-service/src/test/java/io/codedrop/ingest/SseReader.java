package io.codedrop.ingest;

import io.restassured.path.json.JsonPath;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads a server-sent event stream in the background, keeping each event's JSON data. */
final class SseReader {
    final List<JsonPath> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> ended;

    private SseReader(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        ended = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    response.body()
                            .filter(line -> line.startsWith("data:"))
                            .forEach(line -> events.add(JsonPath.from(line.substring("data:".length()))));
                    return response.statusCode();
                });
    }

    static SseReader open(URI uri, String token) {
        return new SseReader(uri, token);
    }

    List<String> statuses() {
        return events.stream().map(event -> event.getString("status")).toList();
    }
}
