package dev.dragon.clap.tower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.clap.encoders.AudioFraming;
import dev.dragon.clap.encoders.MiniLmTextEncoder;
import dev.dragon.clap.encoders.OnnxEncoder;
import dev.dragon.clap.encoders.OnnxEncoderSettings;
import dev.dragon.clap.onnx.SessionSettings;
import dev.dragon.clap.reward.ClapScoreReward;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped built-in audio tower ({@value #FOLDER}): small, accepted by the general ONNX encoder's load-time
 * checks (descriptor, names, shapes, preprocessor config), 384-d like MiniLM, exported within 1e-4 of the trained
 * model (as its training.json records), and usable with MiniLM for the CLAP score.
 */
class BuiltinClapAudioModelTest {

    static final String FOLDER = "models/builtin-clap-audio";

    static OnnxEncoderSettings settings() {
        Path dir = Path.of(FOLDER);
        return new OnnxEncoderSettings("builtin-clap-audio", dir.resolve(TowerTraining.MODEL), dir.resolve(TowerTraining.DESCRIPTOR),
            dir.resolve(TowerTraining.PREPROCESSOR), null, SessionSettings.defaults(), 8, AudioFraming.of("clip", 10, 1), TowerTraining.CROP_SEED);
    }

    /** Four seconds of a decaying 440 Hz tone at 16 kHz, like a corpus clip. */
    static AudioClip tone() {
        float[] x = new float[4 * 16000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0) * Math.exp(-(i % 8000) / 4000.0));
        return AudioClip.mono(16000, x);
    }

    @Test
    void isSmallAndRecordsAnExactExport() throws Exception {
        long bytes = Files.size(Path.of(FOLDER, TowerTraining.MODEL));
        assertTrue(bytes < 4_000_000, "shipped model is " + bytes + " bytes");
        JsonObject provenance = Json.createReader(new StringReader(Files.readString(Path.of(FOLDER, TowerTraining.PROVENANCE)))).readObject();
        assertTrue(provenance.getJsonNumber("export_max_abs_difference").doubleValue() <= 1e-4, provenance.toString());
        assertEquals("minilm-l6-v2", provenance.getString("text_encoder"));
    }

    @Test
    void loadsThroughTheGeneralEncoderAndEmbedsIntoMiniLmSpace() throws Exception {
        OnnxEncoder encoder = new OnnxEncoder(settings());
        MiniLmTextEncoder text = new MiniLmTextEncoder();
        try {
            assertEquals(384, encoder.dimension());
            FrameEmbeddings e = encoder.embedAudio(tone());
            assertEquals(1, e.frames());
            double norm = 0;
            for (double v : e.values()) norm += v * v;
            assertEquals(1.0, Math.sqrt(norm), 1e-6);

            text.load("minilm-l6-v2", null, null, SessionSettings.defaults(), 8);
            ClapScoreReward reward = new ClapScoreReward(encoder, text, new ClapScoreReward.Config() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return ClapScoreReward.Config.class;
                }

                @Override
                public String reward_id() {
                    return "clap-score";
                }

                @Override
                public String audioEncoder_target() {
                    return "(encoder.id=builtin-clap-audio)";
                }

                @Override
                public String textEncoder_target() {
                    return "(encoder.id=minilm-l6-v2)";
                }
            });
            double[] scores = reward.scoreEach(List.of(new Generation(new Prompt("p", "a soft piano melody, played solo"), 1, tone(), null, "test")));
            assertTrue(scores[0] >= -1 && scores[0] <= 1, "score " + scores[0]);
        } finally {
            encoder.close();
            text.close();
        }
    }
}
