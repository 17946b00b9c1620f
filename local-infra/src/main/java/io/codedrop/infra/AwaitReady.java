package io.codedrop.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AwaitReady <seconds> <name=url>...}: waits until every URL answers 200 (a service's
 * {@code /q/health/ready}), printing each as it becomes ready; exits 1 naming those that never did.
 */
public final class AwaitReady {
    private AwaitReady() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[0]));
        List<String> pending = new ArrayList<>(List.of(args).subList(1, args.length));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            pending.removeIf(target -> {
                boolean ready = isReady(client, target.substring(target.indexOf('=') + 1));
                if (ready) {
                    System.out.println("  ready: " + target.substring(0, target.indexOf('=')));
                }
                return ready;
            });
            if (!pending.isEmpty()) {
                Thread.sleep(500);
            }
        }
        if (!pending.isEmpty()) {
            System.err.println("not ready in time: " + String.join(", ", pending));
            System.exit(1);
        }
    }

    private static boolean isReady(HttpClient client, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
