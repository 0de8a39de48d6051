package dev.dragon.diffusion.generator;

import dev.dragon.diffusion.music.MusicModel;
import dev.dragon.diffusion.music.MusicModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints of a model folder's files, so run folders can say exactly what produced them without loading
 * the model (listing plugins stays cheap).
 */
final class ModelFingerprint {

    private ModelFingerprint() {
    }

    /** The whole model: description, autoencoder and denoiser weights. */
    static String ofModel(Path folder) throws IOException {
        return of(folder, MusicModelSpec.FILE, MusicModel.AUTOENCODER_FILE, MusicModel.DENOISER_FILE);
    }

    /** The latent encoder: description (front end, latent statistics) and autoencoder weights. */
    static String ofLatentEncoder(Path folder) throws IOException {
        return of(folder, MusicModelSpec.FILE, MusicModel.AUTOENCODER_FILE);
    }

    private static String of(Path folder, String... files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (String name : files) {
            try (InputStream in = Files.newInputStream(folder.resolve(name))) {
                for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
