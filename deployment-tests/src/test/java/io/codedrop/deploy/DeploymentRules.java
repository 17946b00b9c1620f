package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every CodeDrop Deployment must satisfy, as lists of problems (empty when all is well), so that
 * the base's files and kustomize's rendering of the production overlay are held to the same rules.
 */
final class DeploymentRules {
    /** Credentials: only ever from Secrets, never in a ConfigMap or a literal value. */
    static final Set<String> CREDENTIALS = Set.of(
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_REDIS_HOSTS",
            "QUARKUS_OIDC_CREDENTIALS_SECRET");

    private DeploymentRules() {
    }

    static List<String> missingDeployments(KubeObjects objects) {
        return Repository.SERVICES.stream()
                .filter(service -> objects.find("Deployment", service).isEmpty())
                .map(service -> "no Deployment " + service)
                .toList();
    }

    static List<String> probes(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : objects.all("Deployment")) {
            JsonNode container = KubeObjects.container(deployment);
            probe(problems, deployment, container, "readinessProbe", "/q/health/ready");
            probe(problems, deployment, container, "livenessProbe", "/q/health/live");
            probe(problems, deployment, container, "startupProbe", "/q/health/started");
        }
        return problems;
    }

    static List<String> resources(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : objects.all("Deployment")) {
            JsonNode resources = KubeObjects.container(deployment).path("resources");
            for (String resource : List.of("cpu", "memory")) {
                JsonNode request = resources.path("requests").path(resource);
                JsonNode limit = resources.path("limits").path(resource);
                if (request.isMissingNode() || limit.isMissingNode()) {
                    problems.add(deployment + ": " + resource + " request or limit missing");
                } else if (Quantity.parse(request.asText()) > Quantity.parse(limit.asText())) {
                    problems.add(deployment + ": " + resource + " request " + request.asText() + " above limit " + limit.asText());
                }
            }
        }
        return problems;
    }

    static List<String> nonRoot(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : objects.all("Deployment")) {
            JsonNode pod = KubeObjects.podSpec(deployment).path("securityContext");
            JsonNode container = KubeObjects.container(deployment).path("securityContext");
            if (!pod.path("runAsNonRoot").asBoolean() && !container.path("runAsNonRoot").asBoolean()) {
                problems.add(deployment + ": runAsNonRoot is not set");
            }
            if (pod.path("runAsUser").asInt(-1) == 0 || container.path("runAsUser").asInt(-1) == 0) {
                problems.add(deployment + ": runs as uid 0");
            }
            if (!container.path("allowPrivilegeEscalation").isBoolean() || container.path("allowPrivilegeEscalation").asBoolean()) {
                problems.add(deployment + ": privilege escalation not forbidden");
            }
            if (!container.path("readOnlyRootFilesystem").asBoolean()) {
                problems.add(deployment + ": root filesystem writable");
            }
            if (!Yaml.elements(container.path("capabilities").path("drop")).stream().anyMatch(c -> c.asText().equals("ALL"))) {
                problems.add(deployment + ": capabilities not dropped");
            }
            if (!pod.path("seccompProfile").path("type").asText().equals("RuntimeDefault")) {
                problems.add(deployment + ": no RuntimeDefault seccomp profile");
            }
        }
        return problems;
    }

    static List<String> rollingUpdates(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : objects.all("Deployment")) {
            JsonNode strategy = deployment.document().path("spec").path("strategy");
            if (!strategy.path("type").asText().equals("RollingUpdate")) {
                problems.add(deployment + ": strategy " + strategy.path("type").asText());
            } else if (!strategy.path("rollingUpdate").path("maxUnavailable").asText().equals("0")) {
                problems.add(deployment + ": a rollout may take pods away before new ones are ready");
            }
        }
        return problems;
    }

    static List<String> prometheusScraping(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : objects.all("Deployment")) {
            JsonNode annotations = deployment.document().path("spec").path("template").path("metadata").path("annotations");
            String port = String.valueOf(KubeObjects.container(deployment).path("ports").path(0).path("containerPort").asInt());
            if (!annotations.path("prometheus.io/scrape").asText().equals("true")
                    || !annotations.path("prometheus.io/path").asText().equals("/q/metrics")
                    || !annotations.path("prometheus.io/port").asText().equals(port)) {
                problems.add(deployment + ": pod annotations " + annotations + " do not scrape /q/metrics on " + port);
            }
        }
        return problems;
    }

    static List<String> containerPorts(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            objects.find("Deployment", service).ifPresent(deployment -> {
                JsonNode port = KubeObjects.container(deployment).path("ports").path(0);
                if (port.path("containerPort").asInt() != ServiceSettings.httpPort(service)
                        || !port.path("name").asText().equals("http")) {
                    problems.add(deployment + ": port " + port + ", the service listens on " + ServiceSettings.httpPort(service));
                }
            });
        }
        return problems;
    }

    /** Each container gets only variables its service reads, and every one it needs. */
    static List<String> environment(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            objects.find("Deployment", service).ifPresent(deployment -> {
                Map<String, KubeObjects.Source> environment = objects.environment(deployment);
                Set<String> read = ServiceSettings.environmentVariablesReadBy(service);
                environment.keySet().stream()
                        .filter(variable -> !read.contains(variable))
                        .forEach(variable -> problems.add(service + " does not read " + variable));
                ServiceSettings.requiredBy(service).stream()
                        .filter(variable -> !environment.containsKey(variable))
                        .forEach(variable -> problems.add(service + " lacks " + variable));
            });
        }
        return problems;
    }

    static List<String> credentialsFromSecrets(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : objects.all("Deployment")) {
            objects.environment(deployment).forEach((variable, source) -> {
                if (CREDENTIALS.contains(variable) && source != KubeObjects.Source.SECRET) {
                    problems.add(deployment + ": " + variable + " from " + source + ", not from a Secret");
                }
            });
        }
        return problems;
    }

    static List<String> ownDatabases(KubeObjects objects) {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            objects.find("Deployment", service).ifPresent(deployment -> {
                Map<String, String> values = objects.configuredValues(deployment);
                String database = Repository.databaseOf(service);
                String reactive = values.getOrDefault("QUARKUS_DATASOURCE_REACTIVE_URL", "");
                String jdbc = values.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
                if (!reactive.matches("postgresql://[^/]+/" + database) || !jdbc.equals("jdbc:" + reactive)) {
                    problems.add(service + ": " + reactive + " and " + jdbc + " are not both its database " + database);
                }
            });
        }
        return problems;
    }

    private static void probe(List<String> problems, Manifest deployment, JsonNode container, String probe, String path) {
        JsonNode get = container.path(probe).path("httpGet");
        String port = get.path("port").asText();
        boolean portExists = Yaml.elements(container.path("ports")).stream()
                .anyMatch(p -> p.path("name").asText().equals(port) || p.path("containerPort").asText().equals(port));
        if (!get.path("path").asText().equals(path) || !portExists) {
            problems.add(deployment + ": " + probe + " " + get + ", expected GET " + path + " on the container's port");
        }
    }
}
