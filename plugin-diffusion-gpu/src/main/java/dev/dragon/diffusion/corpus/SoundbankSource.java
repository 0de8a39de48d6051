package dev.dragon.diffusion.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.sound.midi.Soundbank;

/**
 * The instruments a corpus is rendered with, and how to name them in its provenance: a SoundFont 2 file, either one
 * the user names or the JDK's emergency soundbank frozen into a file.
 *
 * <p>Why frozen: Gervill builds its emergency soundbank by code when no soundbank is installed, and that code gives
 * the partials of many instruments random phases from {@code Math.random()}, so every JVM gets a slightly different
 * bank (same spectra, different waveforms, hence different samples). Saving it once and always rendering from the
 * saved file makes rendering bit-for-bit repeatable; SoundFont files render identically in every run. One frozen bank
 * ships with this bundle (the one the demo corpus of the shipped figures was rendered with, SHA-256 21f98271…), so a
 * fresh installation renders the same corpus as every other; without it, a new bank is built and frozen.
 *
 * @param soundbank   the loaded soundbank
 * @param description what it is, for the manifest
 * @param sha256      SHA-256 of the SoundFont file it was read from
 */
public record SoundbankSource(Soundbank soundbank, String description, String sha256) {

    /** File name of the frozen emergency soundbank inside a corpus folder. */
    public static final String FROZEN_EMERGENCY_FILE = "soundbank-emergency.sf2";

    /**
     * Loads the emergency soundbank frozen in {@code folder}; when missing, it is first copied there from the one this
     * bundle ships, or (without one) built and saved.
     *
     * @param folder where {@value #FROZEN_EMERGENCY_FILE} is kept (created when missing)
     * @return the soundbank
     * @throws IOException when the file cannot be written or read
     */
    public static SoundbankSource frozenEmergency(Path folder) throws IOException {
        Path file = folder.resolve(FROZEN_EMERGENCY_FILE);
        if (!Files.isRegularFile(file)) {
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            try (InputStream shipped = SoundbankSource.class.getResourceAsStream(FROZEN_EMERGENCY_FILE)) {
                if (shipped != null) shipped.transferTo(saved);
                else GervillAccess.saveSoundFont(GervillAccess.emergencySoundbank(), saved);
            }
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "." + FROZEN_EMERGENCY_FILE, ".part");
            try {
                Files.write(tmp, saved.toByteArray());
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        return new SoundbankSource(load(file, bytes), "jdk-emergency-soundbank (frozen in " + FROZEN_EMERGENCY_FILE + ")",
            sha256(bytes));
    }

    /**
     * @param file a SoundFont 2 file; SoundFont 3 (Ogg-compressed samples, usually {@code .sf3}) is refused because
     *             Gervill would play the compressed data as noise. The version is read from the file, not its name
     *             (Debian's {@code default-GM.sf3} may well point to an {@code .sf2}).
     * @return its soundbank, read into memory
     * @throws IOException when the file is missing, unreadable or not a SoundFont 2
     */
    public static SoundbankSource soundFont(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such soundfont file");
        byte[] bytes = Files.readAllBytes(file);
        if (soundFontMajorVersion(bytes) >= 3) {
            throw new IOException(file + ": SoundFont 3 (compressed samples, .sf3) is not supported; Gervill reads only SoundFont 2 (.sf2)");
        }
        return new SoundbankSource(load(file, bytes), file.toRealPath().toString(), sha256(bytes)); // links resolved
    }

    /** The major version in the {@code ifil} chunk near the start of a SoundFont file, or 0 when there is none. */
    static int soundFontMajorVersion(byte[] bytes) {
        byte[] tag = {'i', 'f', 'i', 'l'};
        int limit = Math.min(bytes.length - 10, 256);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == tag[0] && bytes[i + 1] == tag[1] && bytes[i + 2] == tag[2] && bytes[i + 3] == tag[3]) {
                return (bytes[i + 8] & 0xFF) | (bytes[i + 9] & 0xFF) << 8;
            }
        }
        return 0;
    }

    private static Soundbank load(Path file, byte[] bytes) throws IOException {
        try {
            return GervillAccess.readSoundFont(new ByteArrayInputStream(bytes));
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("not accessible")) throw e;
            throw new IOException(file + ": not a readable SoundFont 2 file (" + e.getMessage() + ")", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
