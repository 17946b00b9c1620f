package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production overlay as kustomize renders it ({@code kubectl kustomize}, offline), held to the
 * base's rules after every patch. Skipped where kubectl is not installed.
 */
class RenderedOverlayTest {
    private static KubeObjects rendered;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        assumeTrue(kubectlInstalled(), "kubectl is not installed");
        Path output = Files.createTempFile("codedrop-production", ".yaml");
        try {
            Process kustomize = new ProcessBuilder("kubectl", "kustomize", "deploy/overlays/production")
                    .directory(Repository.ROOT.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            assertTrue(kustomize.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish in 60 s");
            assertEquals(0, kustomize.exitValue(), "kubectl kustomize deploy/overlays/production failed");
            String text = Files.readString(output, StandardCharsets.UTF_8);
            List<Manifest> manifests = Yaml.documents(text).stream().map(document -> new Manifest(output, document)).toList();
            rendered = new KubeObjects(manifests);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void renderedDeploymentsKeepProbesResourcesAndNonRootAfterThePatches() {
        List<String> problems = new ArrayList<>(DeploymentRules.missingDeployments(rendered));
        problems.addAll(DeploymentRules.probes(rendered));
        problems.addAll(DeploymentRules.resources(rendered));
        problems.addAll(DeploymentRules.nonRoot(rendered));
        problems.addAll(DeploymentRules.rollingUpdates(rendered));
        problems.addAll(DeploymentRules.prometheusScraping(rendered));

        assertEquals(List.of(), problems);
    }

    @Test
    void renderedContainersGetTheirSettingsFromGeneratedConfigMapsAndSecrets() {
        List<String> problems = new ArrayList<>(DeploymentRules.environment(rendered));
        problems.addAll(DeploymentRules.credentialsFromSecrets(rendered));
        problems.addAll(DeploymentRules.ownDatabases(rendered));

        assertEquals(List.of(), problems);
    }

    @Test
    void everythingIsRenderedIntoTheCodedropNamespace() {
        List<String> elsewhere = rendered.manifests().stream()
                .filter(manifest -> !manifest.kind().equals("Namespace"))
                .filter(manifest -> !manifest.document().path("metadata").path("namespace").asText().equals("codedrop"))
                .map(Manifest::toString)
                .toList();

        assertEquals(List.of(), elsewhere);
    }

    @Test
    void renderedImagesComeFromTheReleaseRegistryWithATag() {
        List<String> unpinned = rendered.all("Deployment").stream()
                .map(deployment -> KubeObjects.container(deployment).path("image").asText())
                .filter(image -> !image.matches("[\\w.-]+\\.[\\w.-]+/.+:[\\w.-]+") || image.endsWith(":latest"))
                .toList();

        assertEquals(List.of(), unpinned);
    }

    @Test
    void renderedIngressServesOneHostOverTls() {
        JsonNode spec = rendered.get("Ingress", "codedrop").document().path("spec");
        String host = spec.path("rules").path(0).path("host").asText();

        assertFalse(host.isEmpty());
        assertEquals(1, spec.path("rules").size());
        assertEquals(host, spec.path("tls").path(0).path("hosts").path(0).asText());
        assertEquals(9, spec.path("rules").path(0).path("http").path("paths").size(), "every route of the base");
    }

    @Test
    void renderedClaimPathRunsMoreReplicasThanTheBase() {
        JsonNode autoscaler = rendered.get("HorizontalPodAutoscaler", "distribution-service").document().path("spec");
        JsonNode budget = rendered.get("PodDisruptionBudget", "distribution-service").document().path("spec");

        assertTrue(autoscaler.path("minReplicas").asInt() >= 3);
        assertTrue(budget.path("minAvailable").asInt() < autoscaler.path("minReplicas").asInt());
    }

    private static boolean kubectlInstalled() {
        try {
            Process version = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
