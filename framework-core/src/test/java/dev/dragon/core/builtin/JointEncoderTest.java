package dev.dragon.core.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A joint encoder takes audio from one tower and text from the other, and refuses towers that do not fit. */
class JointEncoderTest {

    private static final FrameEmbeddings FRAMES = new FrameEmbeddings(1, 2, new double[] {0.6, 0.8});

    private static Encoder fake(String id, Modality modality, int dimension) {
        return new Encoder() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String fingerprint() {
                return id + "-fp";
            }

            @Override
            public Set<Modality> modalities() {
                return Set.of(modality);
            }

            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public FrameEmbeddings embedAudio(AudioClip clip) {
                if (modality != Modality.AUDIO) return Encoder.super.embedAudio(clip);
                return FRAMES;
            }

            @Override
            public double[] embedText(String text) {
                if (modality != Modality.TEXT) return Encoder.super.embedText(text);
                return new double[] {text.length(), 1};
            }
        };
    }

    @Test
    void delegatesEachModalityToItsTower() {
        JointEncoder j = new JointEncoder("joint", fake("a", Modality.AUDIO, 2), fake("t", Modality.TEXT, 2));
        assertEquals("joint", j.id());
        assertEquals(Set.of(Modality.AUDIO, Modality.TEXT), j.modalities());
        assertEquals(2, j.dimension());
        assertEquals("joint;audio=a-fp;text=t-fp", j.fingerprint());
        assertSame(FRAMES, j.embedAudio(null));
        assertArrayEquals(new double[] {3, 1}, j.embedText("abc"));
    }

    @Test
    void refusesTowersThatDoNotMakeOneSpace() {
        assertEquals("joint encoder 'j': 't' does not embed audio", assertThrows(IllegalArgumentException.class,
            () -> new JointEncoder("j", fake("t", Modality.TEXT, 2), fake("t", Modality.TEXT, 2))).getMessage());
        assertEquals("joint encoder 'j': 'a' does not embed text", assertThrows(IllegalArgumentException.class,
            () -> new JointEncoder("j", fake("a", Modality.AUDIO, 2), fake("a", Modality.AUDIO, 2))).getMessage());
        assertEquals("joint encoder 'j': 'a' gives 2 dimensions, 't' 3: not one space", assertThrows(IllegalArgumentException.class,
            () -> new JointEncoder("j", fake("a", Modality.AUDIO, 2), fake("t", Modality.TEXT, 3))).getMessage());
    }
}
