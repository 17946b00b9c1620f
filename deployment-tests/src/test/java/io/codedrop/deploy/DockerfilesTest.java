package io.codedrop.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The services' {@code src/main/docker/Dockerfile.jvm}, as Quarkus generates them for the fast-jar. */
class DockerfilesTest {
    private static final List<String> FAST_JAR_LAYERS = List.of(
            "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
            "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
            "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
            "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/");

    @Test
    void everyServiceHasAJvmDockerfile() {
        List<String> missing = Repository.SERVICES.stream()
                .filter(service -> !Files.isRegularFile(Repository.path(dockerfile(service))))
                .toList();

        assertEquals(List.of(), missing);
    }

    @Test
    void imagesCopyTheFastJarInFourLayers() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            List<String> copies = instructions(service, "COPY");
            if (!copies.equals(FAST_JAR_LAYERS)) {
                problems.add(service + " copies " + copies);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void imagesRunTheQuarkusRunJarWithRunJava() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            String text = Repository.read(dockerfile(service));
            if (!text.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                    || !text.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]")
                    || !text.contains("-Dquarkus.http.host=0.0.0.0")) {
                problems.add(service);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void imagesRunAsANonRootUser() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            List<String> users = instructions(service, "USER");
            if (users.isEmpty() || !users.get(users.size() - 1).equals("USER 185")) {
                problems.add(service + " runs as " + users);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void imagesExposeTheServicePort() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            List<String> exposed = instructions(service, "EXPOSE");
            String expected = "EXPOSE " + ServiceSettings.httpPort(service);
            if (!exposed.equals(List.of(expected))) {
                problems.add(service + " " + exposed + ", expected " + expected);
            }
        }

        assertEquals(List.of(), problems);
    }

    @Test
    void imagesStartFromAPinnedJavaRuntime() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            List<String> from = instructions(service, "FROM");
            if (from.size() != 1 || !from.get(0).matches("FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-2\\d:\\d+\\.\\d+")) {
                problems.add(service + " " + from);
            }
        }

        assertEquals(List.of(), problems);
    }

    private static String dockerfile(String service) {
        return service + "/src/main/docker/Dockerfile.jvm";
    }

    private static List<String> instructions(String service, String instruction) {
        Matcher matcher = Pattern.compile("(?m)^" + instruction + " .*$").matcher(Repository.read(dockerfile(service)));
        return matcher.results().map(result -> result.group().trim()).toList();
    }
}
