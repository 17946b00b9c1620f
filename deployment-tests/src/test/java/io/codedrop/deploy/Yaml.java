package io.codedrop.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * YAML read the way Docker Compose and kubectl read it (anchors and merge keys resolved, several
 * documents per file), as Jackson trees for easy navigation.
 */
final class Yaml {
    static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    static JsonNode document(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    static List<JsonNode> documents(Path file) {
        return documents(Repository.read(file));
    }

    static List<JsonNode> documents(String text) {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (Objects.nonNull(document)) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    /** Field names of an object node, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The elements of an array node (none for a missing node). */
    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        node.elements().forEachRemaining(elements::add);
        return elements;
    }
}
