package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml, read as Docker Compose reads it (no Docker engine here to run it). */
class DockerComposeTest {
    private static final JsonNode COMPOSE = Yaml.document(Repository.path("docker-compose.yml"));
    private static final JsonNode SERVICES = COMPOSE.path("services");

    @Test
    void composeRunsTheInfrastructureAndTheFourServices() {
        Set<String> expected = new TreeSet<>(Repository.SERVICES);
        expected.addAll(List.of("postgres", "kafka", "redis", "keycloak"));

        assertTrue(new TreeSet<>(Yaml.fieldNames(SERVICES)).containsAll(expected),
                "compose services " + Yaml.fieldNames(SERVICES) + " lack some of " + expected);
    }

    @Test
    void infrastructureRunsOnRealPinnedImages() {
        Map<String, String> images = new TreeMap<>();
        for (String name : List.of("postgres", "kafka", "redis", "keycloak")) {
            images.put(name, SERVICES.path(name).path("image").asText());
        }

        assertTrue(images.get("postgres").startsWith("postgres:17"), images.toString());
        assertTrue(images.get("kafka").startsWith("apache/kafka:"), images.toString());
        assertTrue(images.get("redis").startsWith("redis:7"), images.toString());
        assertTrue(images.get("keycloak").startsWith("quay.io/keycloak/keycloak:"), images.toString());
        assertTrue(images.values().stream().noneMatch(image -> image.endsWith(":latest")), images.toString());
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        List<String> without = new ArrayList<>();
        for (String name : Yaml.fieldNames(SERVICES)) {
            JsonNode service = SERVICES.path(name);
            if (!isOneShotJob(service) && service.path("healthcheck").path("test").isMissingNode()) {
                without.add(name);
            }
        }

        assertEquals(List.of(), without, "services without a healthcheck");
    }

    @Test
    void healthchecksKeepTheirShellVariablesFromComposeInterpolation() {
        Pattern unescaped = Pattern.compile("\\$(?!\\{)");
        List<String> interpolated = new ArrayList<>();
        for (String name : Yaml.fieldNames(SERVICES)) {
            String test = SERVICES.path(name).path("healthcheck").path("test").toString();
            if (unescaped.matcher(test.replace("$$", "")).find()) {
                interpolated.add(name + ": " + test);
            }
        }

        assertEquals(List.of(), interpolated, "write $$ for a shell variable, or compose replaces it");
    }

    @Test
    void everyDependencyWaitsUntilTheDependencyIsHealthy() {
        List<String> problems = new ArrayList<>();
        for (String name : Yaml.fieldNames(SERVICES)) {
            JsonNode dependsOn = SERVICES.path(name).path("depends_on");
            if (dependsOn.isArray()) {
                problems.add(name + " lists its dependencies without a condition (service_started)");
                continue;
            }
            for (String dependency : Yaml.fieldNames(dependsOn)) {
                String condition = dependsOn.path(dependency).path("condition").asText();
                String expected = isOneShotJob(SERVICES.path(dependency))
                        ? "service_completed_successfully" : "service_healthy";
                if (!expected.equals(condition)) {
                    problems.add(name + " → " + dependency + ": " + condition + ", expected " + expected);
                }
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void oneShotJobsAreOnlyTheTopicCreation() {
        List<String> jobs = Yaml.fieldNames(SERVICES).stream()
                .filter(name -> isOneShotJob(SERVICES.path(name)))
                .toList();

        assertEquals(List.of("kafka-topics"), jobs);
    }

    @Test
    void everyServiceWaitsForTheInfrastructureItUses() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            Set<String> needed = new TreeSet<>(List.of("postgres", "kafka", "kafka-topics", "keycloak"));
            if (ServiceSettings.usesRedis(service)) {
                needed.add("redis");
            }
            Set<String> declared = new TreeSet<>(Yaml.fieldNames(SERVICES.path(service).path("depends_on")));
            if (!declared.equals(needed)) {
                problems.add(service + " depends on " + declared + ", expected " + needed);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void servicesAreBuiltFromTheirJvmDockerfiles() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            JsonNode build = SERVICES.path(service).path("build");
            if (!build.path("context").asText().equals("./" + service)
                    || !build.path("dockerfile").asText().equals("src/main/docker/Dockerfile.jvm")) {
                problems.add(service + " builds " + build);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void servicesAreHealthyOnlyWhenTheirReadinessCheckPasses() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            String test = SERVICES.path(service).path("healthcheck").path("test").toString();
            String port = "/dev/tcp/127.0.0.1/" + ServiceSettings.httpPort(service);
            if (!test.contains(port) || !test.contains("GET /q/health/ready ") || !test.contains("' 200 '")) {
                problems.add(service + " healthcheck " + test + " does not expect 200 from /q/health/ready on " + port);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void servicesAreConfiguredOnlyByEnvironmentVariables() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            JsonNode definition = SERVICES.path(service);
            for (String field : List.of("volumes", "command", "entrypoint", "env_file", "configs")) {
                if (!definition.path(field).isMissingNode()) {
                    problems.add(service + " has " + field);
                }
            }
            if (!definition.path("environment").isObject()) {
                problems.add(service + " has no environment map");
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void servicesSetOnlyEnvironmentVariablesTheyRead() {
        List<String> unread = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            Set<String> read = ServiceSettings.environmentVariablesReadBy(service);
            for (String variable : Yaml.fieldNames(SERVICES.path(service).path("environment"))) {
                if (!read.contains(variable)) {
                    unread.add(service + ": " + variable);
                }
            }
        }

        assertEquals(List.of(), unread, "variables the services do not read");
    }

    @Test
    void servicesGetEverySettingTheyNeed() {
        List<String> missing = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            Set<String> set = new TreeSet<>(Yaml.fieldNames(SERVICES.path(service).path("environment")));
            for (String variable : ServiceSettings.requiredBy(service)) {
                if (!set.contains(variable)) {
                    missing.add(service + ": " + variable);
                }
            }
        }

        assertEquals(List.of(), missing);
    }

    @Test
    void everyServiceUsesItsOwnDatabaseAndRole() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            JsonNode environment = SERVICES.path(service).path("environment");
            String database = Repository.databaseOf(service);
            expect(problems, service, environment, "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://postgres:5432/" + database);
            expect(problems, service, environment, "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/" + database);
            expect(problems, service, environment, "QUARKUS_DATASOURCE_USERNAME", database);
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void postgresCreatesEveryServiceDatabaseAtInit() {
        String initScript = mountedFile("postgres", "/docker-entrypoint-initdb.d/");
        Set<String> created = new TreeSet<>();
        Matcher matcher = Pattern.compile("CREATE DATABASE (\\w+) OWNER (\\w+);").matcher(initScript);
        while (matcher.find()) {
            assertEquals(matcher.group(1), matcher.group(2), "each database is owned by its own role");
            created.add(matcher.group(1));
        }

        Set<String> expected = new TreeSet<>(Repository.SERVICES.stream().map(Repository::databaseOf).toList());
        assertEquals(expected, created);
    }

    @Test
    void kafkaRunsInKraftModeWithoutZooKeeper() {
        JsonNode environment = SERVICES.path("kafka").path("environment");

        assertEquals("broker,controller", environment.path("KAFKA_PROCESS_ROLES").asText());
        assertFalse(environment.path("KAFKA_CONTROLLER_QUORUM_VOTERS").isMissingNode());
        assertTrue(Yaml.fieldNames(environment).stream().noneMatch(name -> name.contains("ZOOKEEPER")));
    }

    @Test
    void kafkaCreatesNoTopicByAccident() {
        assertEquals("false", SERVICES.path("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
    }

    @Test
    void topicJobCreatesEveryTopicOfTheCommonModel() {
        String script = mountedFile("kafka-topics", "/opt/codedrop/");
        Set<String> created = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?m)^create ([\\w-]+)").matcher(script);
        while (matcher.find()) {
            created.add(matcher.group(1));
        }

        assertEquals(new TreeSet<>(Repository.topics()), created);
    }

    @Test
    void topicJobCompactsTheCampaignsTopic() {
        String script = mountedFile("kafka-topics", "/opt/codedrop/");

        assertTrue(Pattern.compile("(?m)^create campaigns .*cleanup\\.policy=compact").matcher(script).find(), script);
    }

    @Test
    void keycloakImportsTheCodedropRealmAtStart() {
        JsonNode keycloak = SERVICES.path("keycloak");

        assertTrue(keycloak.path("command").toString().contains("--import-realm"), keycloak.path("command").toString());
        assertTrue(Realm.DOCUMENT.path("enabled").asBoolean());
        assertEquals("codedrop", Realm.DOCUMENT.path("realm").asText());
    }

    @Test
    void servicesTrustTheImportedRealm() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            String url = SERVICES.path(service).path("environment").path("QUARKUS_OIDC_AUTH_SERVER_URL").asText();
            if (!url.equals("http://keycloak:8080/realms/" + Realm.DOCUMENT.path("realm").asText())) {
                problems.add(service + ": " + url);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void tokensCarryTheIssuerTheServicesDiscover() {
        JsonNode environment = SERVICES.path("keycloak").path("environment");
        String hostname = environment.path("KC_HOSTNAME").asText();
        String published = SERVICES.path("keycloak").path("ports").path(0).asText();

        assertEquals("http://localhost:" + published.substring(0, published.indexOf(':')), hostname,
                "tokens fetched from the host carry the frontend URL as issuer");
        assertEquals("true", environment.path("KC_HOSTNAME_BACKCHANNEL_DYNAMIC").asText(),
                "the services reach Keycloak by its compose name for keys");
    }

    @Test
    void importedRealmHasADeveloperWithAnEmailAndAPassword() {
        List<JsonNode> developers = Yaml.elements(Realm.DOCUMENT.path("users")).stream()
                .filter(user -> user.path("enabled").asBoolean())
                .filter(user -> user.path("email").asText().contains("@"))
                .filter(user -> user.path("emailVerified").asBoolean())
                .filter(user -> Yaml.elements(user.path("credentials")).stream()
                        .anyMatch(credential -> credential.path("type").asText().equals("password")))
                .toList();

        assertFalse(developers.isEmpty(), "no enabled user with a verified email and a password");
    }

    @Test
    void importedRealmHasAnOperatorWithTheAdminRole() {
        boolean operator = Yaml.elements(Realm.DOCUMENT.path("users")).stream()
                .anyMatch(user -> Yaml.elements(user.path("realmRoles")).stream()
                        .anyMatch(role -> role.asText().equals("admin")));

        assertTrue(operator);
        assertTrue(Yaml.elements(Realm.DOCUMENT.path("roles").path("realm")).stream()
                .anyMatch(role -> role.path("name").asText().equals("admin")));
    }

    @Test
    void dashboardClientIsPublic() {
        JsonNode dashboard = Realm.dashboardClient();

        assertTrue(dashboard.path("publicClient").asBoolean());
        assertTrue(dashboard.path("standardFlowEnabled").asBoolean());
        assertTrue(dashboard.path("secret").isMissingNode());
    }

    @Test
    void rolesReachTheServicesInTheGroupsClaim() {
        boolean mapped = Yaml.elements(Realm.dashboardClient().path("protocolMappers")).stream()
                .anyMatch(mapper -> mapper.path("protocolMapper").asText().equals("oidc-usermodel-realm-role-mapper")
                        && mapper.path("config").path("claim.name").asText().equals("groups")
                        && mapper.path("config").path("access.token.claim").asText().equals("true"));

        assertTrue(mapped, "no realm-role mapper into the groups claim of access tokens");
    }

    private static boolean isOneShotJob(JsonNode service) {
        return service.path("restart").asText().equals("no");
    }

    private static void expect(List<String> problems, String service, JsonNode environment, String variable,
                               String expected) {
        String actual = environment.path(variable).asText();
        if (!expected.equals(actual)) {
            problems.add(service + ": " + variable + "=" + actual + ", expected " + expected);
        }
    }

    /** The host file a compose service mounts under {@code containerDirectory}, read. */
    static String mountedFile(String service, String containerDirectory) {
        for (JsonNode volume : Yaml.elements(SERVICES.path(service).path("volumes"))) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[1].startsWith(containerDirectory)) {
                return Repository.read(parts[0].replaceFirst("^\\./", ""));
            }
        }
        throw new AssertionError(service + " mounts nothing into " + containerDirectory);
    }

    /** The realm Keycloak imports: the file compose mounts into its import directory. */
    static final class Realm {
        static final JsonNode DOCUMENT = read();

        private Realm() {
        }

        static JsonNode dashboardClient() {
            return Yaml.elements(DOCUMENT.path("clients")).stream()
                    .filter(client -> client.path("clientId").asText().equals("codedrop-dashboard"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no codedrop-dashboard client"));
        }

        private static JsonNode read() {
            try {
                return Yaml.JSON.readTree(mountedFile("keycloak", "/opt/keycloak/data/import/"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
