package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/overlays/production, read file by file: what it changes on the base. */
class ProductionOverlayTest {
    private static final Kustomization OVERLAY = Kustomization.at("deploy/overlays/production");
    private static final KubeObjects BASE_OBJECTS = new KubeObjects(Kustomization.at("deploy/base").objects());

    @Test
    void overlayBuildsOnTheBase() {
        List<Path> bases = OVERLAY.bases().stream().map(Kustomization::directory).toList();

        assertEquals(List.of(Repository.path("deploy/base")), bases);
    }

    @Test
    void overlayPutsEverythingInANamespaceThatEnforcesRestrictedPodSecurity() {
        String namespace = OVERLAY.spec().path("namespace").asText();
        JsonNode labels = new KubeObjects(OVERLAY.objects()).get("Namespace", namespace).document().path("metadata").path("labels");

        assertEquals("codedrop", namespace);
        assertEquals("restricted", labels.path("pod-security.kubernetes.io/enforce").asText());
    }

    @Test
    void overlayPinsAReleasedImageForEveryService() {
        Set<String> pinned = new TreeSet<>();
        for (JsonNode image : Yaml.elements(OVERLAY.spec().path("images"))) {
            String tag = image.path("newTag").asText();
            if (!tag.isEmpty() && !tag.equals("latest") && !image.path("newName").asText().isEmpty()) {
                pinned.add(image.path("name").asText());
            }
        }
        Set<String> used = new TreeSet<>();
        BASE_OBJECTS.all("Deployment").forEach(deployment -> used.add(KubeObjects.container(deployment).path("image").asText()));

        assertEquals(used, pinned);
    }

    @Test
    void overlaySettingsAreOnesTheServicesRead() {
        List<String> unread = new ArrayList<>();
        for (JsonNode generator : Yaml.elements(OVERLAY.spec().path("configMapGenerator"))) {
            String name = generator.path("name").asText();
            List<String> readers = BASE_OBJECTS.all("Deployment").stream()
                    .filter(deployment -> Yaml.elements(KubeObjects.container(deployment).path("envFrom")).stream()
                            .anyMatch(from -> from.path("configMapRef").path("name").asText().equals(name)))
                    .map(Manifest::name)
                    .toList();
            for (JsonNode literal : Yaml.elements(generator.path("literals"))) {
                String variable = literal.asText().substring(0, literal.asText().indexOf('='));
                for (String reader : readers) {
                    if (!ServiceSettings.environmentVariablesReadBy(reader).contains(variable)) {
                        unread.add(name + ": " + reader + " does not read " + variable);
                    }
                }
            }
            if (readers.isEmpty()) {
                unread.add(name + " is used by no Deployment");
            }
        }

        assertEquals(List.of(), unread);
    }

    @Test
    void overlayMergesIntoTheBaseConfigMapsInsteadOfReplacingThem() {
        Map<String, Map<String, String>> base = Kustomization.at("deploy/base").configMaps();
        List<String> problems = new ArrayList<>();
        for (JsonNode generator : Yaml.elements(OVERLAY.spec().path("configMapGenerator"))) {
            String name = generator.path("name").asText();
            if (!base.containsKey(name) || !generator.path("behavior").asText().equals("merge")) {
                problems.add(name);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void overlayPatchesOnlyObjectsOfTheBase() {
        List<String> unknown = new ArrayList<>();
        for (JsonNode patch : Yaml.elements(OVERLAY.spec().path("patches"))) {
            JsonNode target = patch.path("target");
            if (!target.isMissingNode()) {
                if (BASE_OBJECTS.find(target.path("kind").asText(), target.path("name").asText()).isEmpty()) {
                    unknown.add("target " + target);
                }
                continue;
            }
            Path file = OVERLAY.directory().resolve(patch.path("path").asText());
            for (JsonNode document : Yaml.documents(file)) {
                Manifest patched = new Manifest(file, document);
                if (BASE_OBJECTS.find(patched.kind(), patched.name()).isEmpty()) {
                    unknown.add(patched.toString());
                }
            }
        }

        assertEquals(List.of(), unknown);
    }

    @Test
    void overlayKeepsEveryPatchFileInUse() {
        Set<String> referenced = new HashSet<>();
        Yaml.elements(OVERLAY.spec().path("patches")).forEach(patch -> referenced.add(patch.path("path").asText()));
        Yaml.elements(OVERLAY.spec().path("resources")).forEach(resource -> referenced.add(resource.asText()));
        List<String> unused = Repository.filesUnder("deploy/overlays/production", ".yaml").stream()
                .map(file -> OVERLAY.directory().relativize(file).toString())
                .filter(file -> !file.equals("kustomization.yaml") && !referenced.contains(file))
                .toList();

        assertTrue(unused.isEmpty(), "files the overlay does not use: " + unused);
    }
}
