package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A set of Kubernetes objects (a kustomization's, or kustomize's output) and lookups over them. */
record KubeObjects(List<Manifest> manifests) {

    /** Where a container's environment variable comes from. */
    enum Source { VALUE, CONFIG_MAP, SECRET, OTHER }

    List<Manifest> all(String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(manifest -> manifest.is(kind, name)).findFirst();
    }

    Manifest get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    /** The single container of a Deployment's pods. */
    static JsonNode container(Manifest deployment) {
        List<JsonNode> containers = Yaml.elements(podSpec(deployment).path("containers"));
        if (containers.size() != 1) {
            throw new AssertionError(deployment + " has " + containers.size() + " containers, expected one");
        }
        return containers.get(0);
    }

    static JsonNode podSpec(Manifest deployment) {
        return deployment.document().path("spec").path("template").path("spec");
    }

    /** Every variable a Deployment's container gets, with its source: env entries and envFrom ConfigMaps' keys. */
    Map<String, Source> environment(Manifest deployment) {
        Map<String, Source> environment = new LinkedHashMap<>();
        JsonNode container = container(deployment);
        for (JsonNode from : Yaml.elements(container.path("envFrom"))) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                JsonNode data = get("ConfigMap", name).document().path("data");
                Yaml.fieldNames(data).forEach(key -> environment.put(key, Source.CONFIG_MAP));
            } else {
                throw new AssertionError(deployment + " takes its environment from " + from);
            }
        }
        for (JsonNode variable : Yaml.elements(container.path("env"))) {
            Source source = variable.has("value") ? Source.VALUE
                    : variable.path("valueFrom").has("secretKeyRef") ? Source.SECRET
                    : variable.path("valueFrom").has("configMapKeyRef") ? Source.CONFIG_MAP
                    : Source.OTHER;
            environment.put(variable.path("name").asText(), source);
        }
        return environment;
    }

    /** The values a Deployment's container gets from its ConfigMaps. */
    Map<String, String> configuredValues(Manifest deployment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode from : Yaml.elements(container(deployment).path("envFrom"))) {
            JsonNode data = get("ConfigMap", from.path("configMapRef").path("name").asText()).document().path("data");
            Yaml.fieldNames(data).forEach(key -> values.put(key, data.path(key).asText()));
        }
        return values;
    }
}
