package io.codedrop.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/** Reads a server-sent event stream line by line in the background, for tests to poll with Awaitility. */
final class SseClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Flow.Subscription subscription;

    private SseClient() {
    }

    static SseClient open(URI uri, String token) {
        SseClient client = new SseClient();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(client.new Lines()));
        return client;
    }

    List<String> lines() {
        return lines;
    }

    /** The JSON documents of the stream's data lines so far, in order. */
    List<JsonNode> documents() {
        return lines.stream()
                .filter(line -> line.startsWith("data:") && line.length() > "data:".length())
                .map(line -> read(line.substring("data:".length())))
                .toList();
    }

    JsonNode last() {
        List<JsonNode> documents = documents();
        return documents.isEmpty() ? null : documents.get(documents.size() - 1);
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
            lines.add("! " + throwable);
        }

        @Override
        public void onComplete() {
            lines.add("! closed");
        }
    }
}
