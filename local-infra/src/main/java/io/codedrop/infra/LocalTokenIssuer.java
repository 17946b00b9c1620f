package io.codedrop.infra;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Signs developer tokens for the local platform with a key pair kept under the launcher's home
 * directory; the services verify them with the public key ({@code quarkus.oidc.public-key}).
 */
public final class LocalTokenIssuer {
    public static final String ISSUER = "https://codedrop.local/issuer";
    private final Path keyDirectory;

    public LocalTokenIssuer(Path home) {
        this.keyDirectory = home.resolve("keys");
    }

    /** Creates the key pair once; later runs keep it so tokens already printed stay valid. */
    public void ensureKeys() {
        if (Files.exists(privateKeyFile())) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(keyDirectory);
            Files.writeString(publicKeyFile(), base64(pair.getPublic().getEncoded()));
            Files.writeString(privateKeyFile(), base64(pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verification key as {@code quarkus.oidc.public-key} takes it. */
    public String publicKey() {
        return read(publicKeyFile());
    }

    public String mint(String email, String name, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .subject(subjectFor(email))
                .upn(email)
                .claim("email", email)
                .claim("name", name)
                .groups(roles)
                .expiresIn(lifetime)
                .jws()
                .keyId("codedrop-local")
                .sign(privateKey());
    }

    /** One stable subject per email, so the same developer comes back with the same identity. */
    public static String subjectFor(String email) {
        return UUID.nameUUIDFromBytes(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(read(privateKeyFile()));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the local signing key is unreadable: " + privateKeyFile(), e);
        }
    }

    private Path publicKeyFile() {
        return keyDirectory.resolve("public.key");
    }

    private Path privateKeyFile() {
        return keyDirectory.resolve("private.key");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no local key at " + file + ": run ./codedrop up first", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
