package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kustomization directory read without kustomize: the objects its resources hold (following bases),
 * and the ConfigMaps its generators make, merged along the chain as {@code behavior: merge} does.
 * Patches are not applied here; {@link RenderedOverlayTest} checks kustomize's own output.
 */
final class Kustomization {
    private final Path directory;
    private final JsonNode spec;

    private Kustomization(Path directory) {
        this.directory = directory;
        this.spec = Yaml.document(directory.resolve("kustomization.yaml"));
    }

    static Kustomization at(String relative) {
        return new Kustomization(Repository.path(relative));
    }

    Path directory() {
        return directory;
    }

    JsonNode spec() {
        return spec;
    }

    /** Objects from the resources, bases included, plus the generated ConfigMaps (under their plain names). */
    List<Manifest> objects() {
        List<Manifest> objects = new ArrayList<>(resources());
        Path file = directory.resolve("kustomization.yaml");
        configMaps().forEach((name, data) -> {
            ObjectNode configMap = Yaml.JSON.createObjectNode();
            configMap.put("apiVersion", "v1").put("kind", "ConfigMap").putObject("metadata").put("name", name);
            ObjectNode values = configMap.putObject("data");
            data.forEach(values::put);
            objects.add(new Manifest(file, configMap));
        });
        return objects;
    }

    List<Manifest> resources() {
        List<Manifest> objects = new ArrayList<>();
        for (JsonNode entry : Yaml.elements(spec.path("resources"))) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                objects.addAll(new Kustomization(resource).resources());
            } else {
                Yaml.documents(resource).forEach(document -> objects.add(new Manifest(resource, document)));
            }
        }
        return objects;
    }

    /** The generated ConfigMaps' data by name, after this kustomization's merges into its bases'. */
    Map<String, Map<String, String>> configMaps() {
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        for (Kustomization base : bases()) {
            configMaps.putAll(base.configMaps());
        }
        for (JsonNode generator : Yaml.elements(spec.path("configMapGenerator"))) {
            String name = generator.path("name").asText();
            Map<String, String> data = generator.path("behavior").asText("create").equals("merge")
                    ? new LinkedHashMap<>(configMaps.getOrDefault(name, Map.of()))
                    : new LinkedHashMap<>();
            for (JsonNode literal : Yaml.elements(generator.path("literals"))) {
                String text = literal.asText();
                data.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
            }
            configMaps.put(name, data);
        }
        return configMaps;
    }

    List<Kustomization> bases() {
        List<Kustomization> bases = new ArrayList<>();
        for (JsonNode entry : Yaml.elements(spec.path("resources"))) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                bases.add(new Kustomization(resource));
            }
        }
        return bases;
    }
}
