package io.ternmq.sample.order;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The order app's REST API over real HTTP, as curl would call it; JSON answers as Jackson trees. */
final class AppClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    AppClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** An HTTP answer: status and JSON body (a missing node when the body is empty). */
    record Reply(int status, JsonNode body) {
        JsonNode ok() {
            if (status / 100 != 2) {
                throw new AssertionError("expected 2xx, got " + status + ": " + body);
            }
            return body;
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    CompletableFuture<Reply> postAsync(String path, String json) {
        return http.sendAsync(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(AppClient::reply);
    }

    /** POST /orders; returns the created order. */
    JsonNode createOrder(String customer, String sku, int quantity, String amount, boolean payLater) {
        return post("/orders", orderJson(customer, sku, quantity, amount, payLater)).ok();
    }

    static String orderJson(String customer, String sku, int quantity, String amount, boolean payLater) {
        return """
                {"customer": "%s", "sku": "%s", "quantity": %d, "amount": %s, "payLater": %b}"""
                .formatted(customer, sku, quantity, amount, payLater);
    }

    /** GET /orders/{id}: order, reservation, steps, history. */
    JsonNode order(String id) {
        return get("/orders/" + id).ok();
    }

    String status(String id) {
        return order(id).path("order").path("status").asString();
    }

    /** Value of a counter from the actuator's metrics endpoint; 0 while the meter does not exist yet. */
    double counter(String meter, String tag) {
        Reply reply = get("/actuator/metrics/" + meter + "?tag=" + tag);
        if (reply.status() == 404) {
            return 0;
        }
        for (JsonNode m : reply.ok().path("measurements")) {
            if (m.path("statistic").asString().equals("COUNT")) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + reply.body());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            return reply(http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply reply(HttpResponse<String> response) {
        String body = response.body();
        return new Reply(response.statusCode(), body == null || body.isBlank()
                ? JSON.missingNode() : JSON.readTree(body));
    }
}
