package io.codedrop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository this module checks: its root, the four services and the files they share. */
final class Repository {
    static final List<String> SERVICES =
            List.of("distribution-service", "campaign-service", "ingest-service", "analytics-service");
    static final Path ROOT = findRoot();

    private static final Pattern TOPIC_CONSTANT =
            Pattern.compile("public static final String \\w+ = \"([^\"]+)\";");

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(path(relative));
    }

    /** {@code distribution-service} owns the database {@code distribution}. */
    static String databaseOf(String service) {
        return service.substring(0, service.indexOf("-service"));
    }

    /** The topic names of {@code common-model}'s {@code Topics}, read from its source. */
    static List<String> topics() {
        Matcher matcher = TOPIC_CONSTANT.matcher(read("common-model/src/main/java/io/codedrop/common/Topics.java"));
        return matcher.results().map(result -> result.group(1)).toList();
    }

    static List<Path> filesUnder(String relative, String suffix) {
        try (Stream<Path> files = Files.walk(path(relative))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (docker-compose.yml beside deploy/) above "
                + Path.of("").toAbsolutePath());
    }
}
