package io.codedrop.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** {@code ./codedrop token [--email E] [--name N] [--role R]...}: prints a bearer token for the local platform. */
public final class TokenCommand {
    private TokenCommand() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        String email = "developer@codedrop.local";
        String name = null;
        Set<String> roles = new HashSet<>();
        for (int i = 1; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--email" -> email = args[i + 1];
                case "--name" -> name = args[i + 1];
                case "--role" -> roles.add(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if ((args.length - 1) % 2 != 0) {
            usage("every option needs a value");
        }
        String displayName = name != null ? name : email.substring(0, Math.max(email.indexOf('@'), 1));
        System.out.println(new LocalTokenIssuer(home).mint(email, displayName, roles, Duration.ofHours(12)));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ./codedrop token [--email E] [--name N] [--role admin]");
        System.exit(2);
    }
}
