package dev.dragon.core.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SHA-256 hashes a profile allows, from configuration values ({@code allow = HEX, HEX}) and from an allowlist
 * file in {@code sha256sum} format ({@code HEX  NAME} per line; the name is a reminder only: a renamed jar stays
 * allowed, a changed one does not). Blank lines and lines starting with {@code #} are skipped.
 */
final class Allowlist {

    private Allowlist() {
    }

    /**
     * Hashes from configuration values; each value may hold several, separated by commas or white space
     * (a {@code .cfg} file delivers {@code allow = a, b} as one string).
     *
     * @throws IllegalArgumentException naming the first value that is not 64 hex digits
     */
    static Set<String> fromValues(String[] values) {
        Set<String> hashes = new LinkedHashSet<>();
        for (String value : values == null ? new String[0] : values) {
            String cleaned = value.replace("[", " ").replace("]", " ").replace("\"", " ");
            for (String token : cleaned.split("[,\\s]+")) {
                if (token.isEmpty()) continue;
                if (!Sha256.isHex(token)) {
                    throw new IllegalArgumentException("allow: '" + token + "' is not a SHA-256 (64 hex digits)");
                }
                hashes.add(token.toLowerCase(Locale.ROOT));
            }
        }
        return hashes;
    }

    /**
     * Hashes from an allowlist file.
     *
     * @throws IllegalArgumentException "FILE: line N: …" for a line that does not start with 64 hex digits, or
     *                                  "FILE: …" when it cannot be read
     */
    static Set<String> fromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the allowlist (" + describe(e) + ")");
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String hash = line.split("\\s+", 2)[0];
            if (!Sha256.isHex(hash)) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": '" + abbreviate(hash)
                    + "' is not a SHA-256 (expected 'HEX  NAME' as sha256sum prints it)");
            }
            hashes.add(hash.toLowerCase(Locale.ROOT));
        }
        return hashes;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static String describe(IOException e) {
        String what = e.getClass().getSimpleName();
        return e.getMessage() == null ? what : what + ": " + e.getMessage();
    }
}
