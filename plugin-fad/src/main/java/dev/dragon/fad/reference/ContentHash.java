package dev.dragon.fad.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running SHA-256 over names, texts and whole files, streamed so that large audio sets need little memory. */
final class ContentHash {

    private final MessageDigest digest;

    ContentHash(String kind) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        text(kind);
    }

    /** Adds a text, terminated so that "ab"+"c" and "a"+"bc" differ. */
    ContentHash text(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    /** Adds a file's length and bytes. */
    ContentHash file(Path file) throws IOException {
        text(Long.toString(Files.size(file)));
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
        return this;
    }

    /** @return "sha256:" and the hex digest */
    String finish() {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
