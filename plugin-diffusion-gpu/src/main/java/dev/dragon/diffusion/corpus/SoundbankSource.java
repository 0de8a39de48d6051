package dev.dragon.diffusion.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.sound.midi.Soundbank;

/**
 * The instruments a corpus is rendered with, and how to name them in its provenance: the JDK's built-in emergency
 * soundbank (the default: always present, identical on every machine with the same JDK) or a SoundFont 2 file.
 *
 * @param soundbank   the loaded soundbank
 * @param description what it is, for the manifest (e.g. the file's path)
 * @param sha256      the SHA-256 of the file, or of the emergency soundbank as Gervill would save it
 */
public record SoundbankSource(Soundbank soundbank, String description, String sha256) {

    /** What {@link #description()} says for the built-in soundbank. */
    public static final String EMERGENCY = "jdk-emergency-soundbank";

    /** @return the JDK's emergency soundbank, built in about a second */
    public static SoundbankSource emergency() {
        Soundbank bank = GervillAccess.emergencySoundbank();
        String hash;
        try {
            // Gervill builds this bank by code; hashing its saved form pins which one a corpus was made with
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            bank.getClass().getMethod("save", java.io.OutputStream.class).invoke(bank, saved);
            hash = hex(MessageDigest.getInstance("SHA-256").digest(saved.toByteArray()));
        } catch (ReflectiveOperationException | NoSuchAlgorithmException e) {
            hash = "unknown";
        }
        return new SoundbankSource(bank, EMERGENCY + " (Java " + System.getProperty("java.version") + ")", hash);
    }

    /**
     * @param file a SoundFont 2 ({@code .sf2}) file; {@code .sf3} (compressed samples) is refused because Gervill
     *             would play its compressed data as noise
     * @return its soundbank
     * @throws IOException when the file is missing, unreadable or not a SoundFont 2
     */
    public static SoundbankSource soundFont(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sf3")) throw new IOException(file + ": .sf3 soundfonts are not supported (Gervill reads only .sf2)");
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such soundfont file");
        String hash;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            hash = hex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            Soundbank bank = GervillAccess.readSoundFont(file.toFile());
            return new SoundbankSource(bank, file.toAbsolutePath().normalize().toString(), hash);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("not accessible")) throw e;
            throw new IOException(file + ": not a readable SoundFont 2 file (" + e.getMessage() + ")", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
