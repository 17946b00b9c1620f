package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deploy/grafana/codedrop-dashboard.json}: it queries only series the services export, through a datasource variable. */
class GrafanaDashboardTest {
    static final String DASHBOARD = "deploy/grafana/codedrop-dashboard.json";

    /** Prometheus series the services export (Micrometer names in exposition form), as of this list's last change. */
    static final Set<String> EXPORTED = Set.of(
            // distribution-service
            "codedrop_claims_total",
            "codedrop_allocation_batch_size_bucket", "codedrop_allocation_batch_size_sum",
            "codedrop_allocation_batch_size_count", "codedrop_allocation_batch_size_max",
            "codedrop_allocation_batch_duration_seconds_bucket", "codedrop_allocation_batch_duration_seconds_sum",
            "codedrop_allocation_batch_duration_seconds_count", "codedrop_allocation_batch_duration_seconds_max",
            "codedrop_claims_waiting", "codedrop_claims_shed_total",
            "codedrop_abuse_refused_total", "codedrop_abuse_unchecked_total",
            "codedrop_refusals_unrecorded_total", "codedrop_availability_write_failures_total",
            // every service that relays an outbox (service-support's OutboxRelay)
            "codedrop_outbox_pending", "codedrop_outbox_oldest_age_seconds", "codedrop_outbox_relayed_total",
            // every consumer (Micrometer's Kafka client binder)
            "kafka_consumer_fetch_manager_records_lag", "kafka_consumer_fetch_manager_records_lag_max",
            // ingest-service
            "codedrop_ingest_rows_total", "codedrop_ingest_jobs_finished_total",
            // campaign-service
            "codedrop_campaigns_changes_total",
            // analytics-service
            "codedrop_analytics_event_delay_seconds_bucket", "codedrop_analytics_event_delay_seconds_count",
            "codedrop_analytics_event_delay_seconds_sum", "codedrop_analytics_events_total",
            "codedrop_analytics_streams", "codedrop_analytics_batch_events_count",
            // every service: HTTP (histogram buckets from MeterConventions) and the JVM
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum", "jvm_memory_used_bytes", "jvm_memory_max_bytes");

    /** What the dashboard is for: each of these must be queried by some panel. */
    static final Set<String> REQUIRED = Set.of(
            "codedrop_claims_total", "codedrop_allocation_batch_size_bucket",
            "codedrop_allocation_batch_duration_seconds_bucket", "codedrop_claims_waiting", "codedrop_claims_shed_total",
            "codedrop_abuse_refused_total", "codedrop_abuse_unchecked_total",
            "codedrop_outbox_pending", "codedrop_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag",
            "codedrop_ingest_rows_total", "codedrop_ingest_jobs_finished_total",
            "codedrop_analytics_event_delay_seconds_bucket", "http_server_requests_seconds_bucket",
            "jvm_memory_used_bytes");

    /** Label matchers, range selectors, grouping clauses and strings: none of them names a series. */
    private static final Pattern NOT_A_SERIES =
            Pattern.compile("\\{[^}]*}|\\[[^]]*]|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)|\"[^\"]*\"");
    /** An identifier not followed by "(" (that would be a function); keywords and numbers excluded below. */
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern MICROMETER_SUFFIX = Pattern.compile("(?:_seconds)?(?:_total|_bucket|_count|_sum|_max)?$");

    private final JsonNode dashboard = parse();

    @Test
    void everyQueriedSeriesIsOneTheServicesExport() {
        Set<String> unknown = new TreeSet<>(queriedSeries());
        unknown.removeAll(EXPORTED);

        assertEquals(Set.of(), unknown);
    }

    @Test
    void everyBusinessMetricHasAPanel() {
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(queriedSeries());

        assertEquals(Set.of(), missing);
    }

    @Test
    void theCodedropSeriesOfTheListAreNamedInTheServicesSources() {
        String sources = mainSources();
        List<String> unnamed = EXPORTED.stream()
                .filter(series -> series.startsWith("codedrop_"))
                .map(series -> MICROMETER_SUFFIX.matcher(series).replaceFirst("").replace('_', '.'))
                .distinct()
                .filter(meter -> !sources.contains("\"" + meter + "\""))
                .sorted()
                .toList();

        assertEquals(List.of(), unnamed);
    }

    @Test
    void everyPanelQueriesThroughThePrometheusDatasourceVariable() {
        List<JsonNode> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variables::add);
        assertTrue(variables.stream().anyMatch(variable -> variable.path("type").asText().equals("datasource")
                && variable.path("query").asText().equals("prometheus")
                && variable.path("name").asText().equals("datasource")), "a datasource variable named datasource");

        List<String> problems = new ArrayList<>();
        for (JsonNode panel : panels()) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            if (!panel.path("datasource").path("uid").asText().equals("${datasource}")) {
                problems.add(panel.path("title").asText() + " does not use ${datasource}");
            }
            if (panel.path("targets").isEmpty()) {
                problems.add(panel.path("title").asText() + " has no query");
            }
        }
        assertEquals(List.of(), problems);
    }

    private Set<String> queriedSeries() {
        Set<String> series = new TreeSet<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                String expr = NOT_A_SERIES.matcher(target.path("expr").asText()).replaceAll(" ")
                        .replace("$__rate_interval", " ");
                Matcher matcher = IDENTIFIER.matcher(expr);
                while (matcher.find()) {
                    if (!KEYWORDS.contains(matcher.group().toLowerCase())) {
                        series.add(matcher.group());
                    }
                }
            }
        }
        assertTrue(series.size() > 10, "the dashboard queries " + series);
        return series;
    }

    /** Panels, those inside collapsed rows too. */
    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static JsonNode parse() {
        try {
            return new ObjectMapper().readTree(Repository.read(DASHBOARD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mainSources() {
        StringBuilder all = new StringBuilder();
        for (String module : Stream.concat(Repository.SERVICES.stream(), Stream.of("service-support")).toList()) {
            try (Stream<Path> files = Files.walk(Repository.path(module + "/src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> all.append(Repository.read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }
}
