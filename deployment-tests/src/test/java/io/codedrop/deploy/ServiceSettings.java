package io.codedrop.deploy;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its environment, derived from its own {@code application.properties} and
 * the defaults every service shares ({@code service-support}'s {@code microprofile-config.properties}):
 * every key in its environment-variable form (MicroProfile Config: non-alphanumerics become {@code _},
 * upper case; a {@code %profile.} prefix names the same property), every variable those files name in
 * their comments ("production: QUARKUS_DATASOURCE_REACTIVE_URL, ..."), Kafka's bootstrap servers, and
 * a few standard Quarkus settings a deployment sets.
 */
final class ServiceSettings {
    static final String SHARED_DEFAULTS = "service-support/src/main/resources/META-INF/microprofile-config.properties";

    /** Read by the Kafka connector of every service as {@code kafka.bootstrap.servers}. */
    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

    /** Quarkus settings that no properties file names but that a deployment sets on every service. */
    static final Set<String> DEPLOYMENT_SETTINGS = Set.of(
            // behind an ingress or load balancer: the client IP from X-Forwarded-For (./codedrop sets the same)
            "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
            "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
            "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES",
            // an identity provider that wants a client for token introspection
            "QUARKUS_OIDC_CLIENT_ID",
            "QUARKUS_OIDC_CREDENTIALS_SECRET");

    /** Every deployment of a service must set these (and QUARKUS_REDIS_HOSTS where the service uses Redis). */
    static final List<String> REQUIRED = List.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            KAFKA_BOOTSTRAP_SERVERS,
            "QUARKUS_OIDC_AUTH_SERVER_URL");

    static final String REDIS_HOSTS = "QUARKUS_REDIS_HOSTS";

    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    /** A whole upper-case word with underscores; {@code CODEDROP_ANALYTICS_STREAM_*} names a family and does not match. */
    private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private ServiceSettings() {
    }

    /** The environment variables {@code service} reads. */
    static Set<String> environmentVariablesReadBy(String service) {
        Set<String> variables = new HashSet<>();
        for (String file : List.of(applicationProperties(service), SHARED_DEFAULTS)) {
            for (String line : Repository.read(file).split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("#")) {
                    variables.addAll(variablesNamedIn(trimmed));
                } else if (trimmed.contains("=")) {
                    variables.add(environmentForm(PROFILE.matcher(trimmed.substring(0, trimmed.indexOf('=')).trim())
                            .replaceFirst("")));
                }
            }
        }
        variables.add(KAFKA_BOOTSTRAP_SERVERS);
        variables.addAll(DEPLOYMENT_SETTINGS);
        return variables;
    }

    /** The variables every deployment of {@code service} must set. */
    static Set<String> requiredBy(String service) {
        Set<String> required = new LinkedHashSet<>(REQUIRED);
        if (usesRedis(service)) {
            required.add(REDIS_HOSTS);
        }
        return required;
    }

    static boolean usesRedis(String service) {
        return property(service, "quarkus.redis.hosts").isPresent();
    }

    static int httpPort(String service) {
        return Integer.parseInt(property(service, "quarkus.http.port")
                .orElseThrow(() -> new IllegalStateException(service + " sets no quarkus.http.port")));
    }

    /** A property as the service's own application.properties sets it (unprofiled). */
    static Optional<String> property(String service, String key) {
        for (String line : Repository.read(applicationProperties(service)).split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("#") && trimmed.startsWith(key + "=")) {
                return Optional.of(trimmed.substring(key.length() + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** {@code quarkus.datasource.reactive.max-size} → {@code QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE}. */
    static String environmentForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Set<String> variablesNamedIn(String comment) {
        Set<String> names = new HashSet<>();
        Matcher matcher = VARIABLE.matcher(comment);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static String applicationProperties(String service) {
        return service + "/src/main/resources/application.properties";
    }
}
