package io.codedrop.testing;

/**
 * Where test infrastructure comes from: {@code embedded} (default, no Docker: real servers from Maven
 * artifacts) or {@code testcontainers} (containers, for machines with Docker: {@code ./mvnw verify -Ptestcontainers}).
 */
final class InfraMode {
    static final String PROPERTY = "codedrop.infra";

    private InfraMode() {
    }

    static boolean containers() {
        return "testcontainers".equals(System.getProperty(PROPERTY, "embedded"));
    }
}
