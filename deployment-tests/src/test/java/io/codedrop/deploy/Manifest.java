package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/** One Kubernetes object and the file it came from (kustomize-generated objects name their kustomization). */
record Manifest(Path file, JsonNode document) {
    String kind() {
        return document.path("kind").asText();
    }

    String name() {
        return document.path("metadata").path("name").asText();
    }

    boolean is(String kind, String name) {
        return kind().equals(kind) && name().equals(name);
    }

    @Override
    public String toString() {
        String source = file.startsWith(Repository.ROOT) ? Repository.ROOT.relativize(file).toString() : "kustomize output";
        return kind() + "/" + name() + " (" + source + ")";
    }
}
