package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kustomize base under deploy/base, read file by file. */
class KubernetesBaseTest {
    private static final Kustomization BASE = Kustomization.at("deploy/base");
    private static final KubeObjects OBJECTS = new KubeObjects(BASE.objects());
    private static final Set<String> AUTOSCALED = Set.of("distribution-service", "ingest-service");

    /** SPEC §5: which service owns which path prefix. */
    private static final Map<String, String> ROUTES = Map.of(
            "/api/v1/distribute", "distribution-service",
            "/c", "distribution-service",
            "/api/v1/codes", "distribution-service",
            "/api/v1/campaigns", "campaign-service",
            "/api/v1/developers", "campaign-service",
            "/api/v1/teams", "campaign-service",
            "/api/v1/uploads", "ingest-service",
            "/api/v1/generations", "ingest-service",
            "/api/v1/analytics", "analytics-service");

    @Test
    void everyYamlFileUnderDeployParses() {
        List<Path> files = new ArrayList<>(Repository.filesUnder("deploy", ".yaml"));
        files.addAll(Repository.filesUnder("deploy", ".yml"));

        assertFalse(files.isEmpty());
        files.forEach(file -> assertFalse(Yaml.documents(file).isEmpty(), file + " is empty"));
    }

    @Test
    void everyObjectHasAnApiVersionKindAndName() {
        List<String> incomplete = BASE.resources().stream()
                .filter(manifest -> manifest.document().path("apiVersion").asText().isEmpty()
                        || manifest.kind().isEmpty() || manifest.name().isEmpty())
                .map(Manifest::toString)
                .toList();

        assertEquals(List.of(), incomplete);
    }

    @Test
    void everyServiceHasADeployment() {
        assertEquals(List.of(), DeploymentRules.missingDeployments(OBJECTS));
    }

    @Test
    void deploymentsProbeStartupReadinessAndLiveness() {
        assertEquals(List.of(), DeploymentRules.probes(OBJECTS));
    }

    @Test
    void deploymentsRequestAndLimitCpuAndMemory() {
        assertEquals(List.of(), DeploymentRules.resources(OBJECTS));
    }

    @Test
    void deploymentsRunAsNonRootWithoutPrivileges() {
        assertEquals(List.of(), DeploymentRules.nonRoot(OBJECTS));
    }

    @Test
    void deploymentsRollOutWithoutLosingReadyPods() {
        assertEquals(List.of(), DeploymentRules.rollingUpdates(OBJECTS));
    }

    @Test
    void podsAreScrapedByPrometheusAtQMetrics() {
        assertEquals(List.of(), DeploymentRules.prometheusScraping(OBJECTS));
    }

    @Test
    void containersListenOnTheServicePort() {
        assertEquals(List.of(), DeploymentRules.containerPorts(OBJECTS));
    }

    @Test
    void containersGetOnlyAndAllTheVariablesTheirServiceReads() {
        assertEquals(List.of(), DeploymentRules.environment(OBJECTS));
    }

    @Test
    void credentialsComeOnlyFromSecretReferences() {
        assertEquals(List.of(), DeploymentRules.credentialsFromSecrets(OBJECTS));
    }

    @Test
    void everyServiceConnectsToItsOwnDatabase() {
        assertEquals(List.of(), DeploymentRules.ownDatabases(OBJECTS));
    }

    @Test
    void noSecretValuesAreCommitted() {
        List<String> committed = new ArrayList<>();
        for (Path file : Repository.filesUnder("deploy", ".yaml")) {
            for (JsonNode document : Yaml.documents(file)) {
                if (document.path("kind").asText().equals("Secret")
                        && (document.has("data") || document.has("stringData"))) {
                    committed.add(file + ": Secret " + document.path("metadata").path("name").asText());
                }
                if (document.has("secretGenerator")) {
                    committed.add(file + ": secretGenerator");
                }
            }
        }

        assertEquals(List.of(), committed);
    }

    @Test
    void everyDeploymentHasAServiceSelectingItsPods() {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : OBJECTS.all("Deployment")) {
            JsonNode podLabels = deployment.document().path("spec").path("template").path("metadata").path("labels");
            boolean served = OBJECTS.all("Service").stream().anyMatch(service -> {
                JsonNode selector = service.document().path("spec").path("selector");
                return !selector.isEmpty() && Yaml.fieldNames(selector).stream()
                        .allMatch(label -> selector.path(label).equals(podLabels.path(label)))
                        && Yaml.elements(service.document().path("spec").path("ports")).stream()
                        .allMatch(port -> port.path("targetPort").asText().equals("http"));
            });
            if (!served) {
                problems.add(deployment + " has no Service routing to its http port");
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void distributionAndIngestScaleWithAHorizontalPodAutoscaler() {
        List<String> problems = new ArrayList<>();
        for (String service : AUTOSCALED) {
            JsonNode spec = OBJECTS.get("HorizontalPodAutoscaler", service).document().path("spec");
            JsonNode target = spec.path("scaleTargetRef");
            if (!target.path("kind").asText().equals("Deployment") || !target.path("name").asText().equals(service)) {
                problems.add(service + ": the autoscaler targets " + target);
            }
            if (spec.path("minReplicas").asInt() < 2 || spec.path("maxReplicas").asInt() <= spec.path("minReplicas").asInt()) {
                problems.add(service + ": replicas " + spec.path("minReplicas") + ".." + spec.path("maxReplicas"));
            }
            boolean onCpu = Yaml.elements(spec.path("metrics")).stream()
                    .anyMatch(metric -> metric.path("resource").path("name").asText().equals("cpu")
                            && metric.path("resource").path("target").path("averageUtilization").asInt() > 0);
            if (!onCpu) {
                problems.add(service + ": no CPU utilisation target");
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void autoscaledDeploymentsLeaveTheReplicaCountToTheAutoscaler() {
        List<String> fixed = AUTOSCALED.stream()
                .filter(service -> OBJECTS.get("Deployment", service).document().path("spec").has("replicas"))
                .toList();

        assertEquals(List.of(), fixed, "kubectl apply would reset what the autoscaler chose");
    }

    @Test
    void otherDeploymentsRunAtLeastTwoReplicas() {
        List<String> single = OBJECTS.all("Deployment").stream()
                .filter(deployment -> !AUTOSCALED.contains(deployment.name()))
                .filter(deployment -> deployment.document().path("spec").path("replicas").asInt() < 2)
                .map(Manifest::name)
                .toList();

        assertEquals(List.of(), single);
    }

    @Test
    void everyDeploymentHasADisruptionBudgetThatStillAllowsDrains() {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : OBJECTS.all("Deployment")) {
            JsonNode selector = deployment.document().path("spec").path("selector").path("matchLabels");
            List<Manifest> budgets = OBJECTS.all("PodDisruptionBudget").stream()
                    .filter(budget -> budget.document().path("spec").path("selector").path("matchLabels").equals(selector))
                    .toList();
            int replicas = AUTOSCALED.contains(deployment.name())
                    ? OBJECTS.get("HorizontalPodAutoscaler", deployment.name()).document().path("spec").path("minReplicas").asInt()
                    : deployment.document().path("spec").path("replicas").asInt(1);
            if (budgets.size() != 1) {
                problems.add(deployment + " has " + budgets.size() + " disruption budgets");
            } else if (budgets.get(0).document().path("spec").path("minAvailable").asInt(replicas) >= replicas) {
                problems.add(deployment + ": the budget never lets a node drain (" + replicas + " replicas)");
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void ingressRoutesEveryPathPrefixToTheServiceThatOwnsIt() {
        Map<String, String> routes = new TreeMap<>();
        for (Manifest ingress : OBJECTS.all("Ingress")) {
            for (JsonNode rule : Yaml.elements(ingress.document().path("spec").path("rules"))) {
                for (JsonNode path : Yaml.elements(rule.path("http").path("paths"))) {
                    assertEquals("Prefix", path.path("pathType").asText(), path.toString());
                    routes.put(path.path("path").asText().replaceAll("(.)/$", "$1"),
                            path.path("backend").path("service").path("name").asText());
                }
            }
        }

        assertEquals(new TreeMap<>(ROUTES), routes);
    }

    @Test
    void ingressBackendsAreServicesWithThatPort() {
        List<String> problems = new ArrayList<>();
        for (Manifest ingress : OBJECTS.all("Ingress")) {
            for (JsonNode rule : Yaml.elements(ingress.document().path("spec").path("rules"))) {
                for (JsonNode path : Yaml.elements(rule.path("http").path("paths"))) {
                    JsonNode backend = path.path("backend").path("service");
                    boolean exists = OBJECTS.find("Service", backend.path("name").asText())
                            .map(service -> Yaml.elements(service.document().path("spec").path("ports")).stream()
                                    .anyMatch(port -> port.path("name").asText().equals(backend.path("port").path("name").asText())))
                            .orElse(false);
                    if (!exists) {
                        problems.add(path.path("path").asText() + " → " + backend);
                    }
                }
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void ingressLetsUploadsAndEventStreamsThrough() {
        JsonNode annotations = OBJECTS.get("Ingress", "codedrop").document().path("metadata").path("annotations");

        assertTrue(Quantity.parse(annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asText().toUpperCase())
                >= 20e6, "uploads of 20 MB pass");
        assertEquals("off", annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText());
    }

    @Test
    void everyTopicOfTheCommonModelIsAKafkaTopic() {
        Set<String> topics = new TreeSet<>();
        OBJECTS.all("KafkaTopic").forEach(topic -> topics.add(topic.name()));

        assertEquals(new TreeSet<>(Repository.topics()), topics);
    }

    @Test
    void kafkaTopicsHaveReplicatedPartitionsOfTheirCluster() {
        List<String> problems = new ArrayList<>();
        for (Manifest topic : OBJECTS.all("KafkaTopic")) {
            JsonNode spec = topic.document().path("spec");
            if (!topic.document().path("apiVersion").asText().startsWith("kafka.strimzi.io/")
                    || topic.document().path("metadata").path("labels").path("strimzi.io/cluster").asText().isEmpty()) {
                problems.add(topic + " is not a Strimzi topic of a cluster");
            }
            if (spec.path("partitions").asInt() < 3) {
                problems.add(topic + ": " + spec.path("partitions") + " partitions");
            }
            if (spec.path("replicas").asInt() < 3 || spec.path("config").path("min.insync.replicas").asInt() < 2) {
                problems.add(topic + ": not replicated enough to lose a broker");
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void campaignsTopicIsCompacted() {
        JsonNode config = OBJECTS.get("KafkaTopic", "campaigns").document().path("spec").path("config");

        assertEquals("compact", config.path("cleanup.policy").asText());
    }

    @Test
    void eventTopicsDeleteByTimeAndStatisticsTopicsKeepEveryEvent() {
        Map<String, String> retention = new LinkedHashMap<>();
        for (Manifest topic : OBJECTS.all("KafkaTopic")) {
            JsonNode config = topic.document().path("spec").path("config");
            if (!topic.name().equals("campaigns")) {
                assertEquals("delete", config.path("cleanup.policy").asText(), topic.toString());
                retention.put(topic.name(), config.path("retention.ms").asText());
            }
        }

        // analytics rebuilds its aggregates by replaying these from the beginning
        assertEquals("-1", retention.get("stock"));
        assertEquals("-1", retention.get("code-requests"));
        assertEquals("-1", retention.get("code-status"));
        assertTrue(Long.parseLong(retention.get("code-batches")) > 0);
    }
}
