package dev.dragon.core.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Encoder;
import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.Modality;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A caching encoder embeds each distinct clip once and hands out copies. */
class CachingEncoderTest {

    /** Embeds a clip as its first sample and its length; counts calls. */
    private static final class Counting implements Encoder {
        int calls;

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public String fingerprint() {
            return "slow-fp";
        }

        @Override
        public Set<Modality> modalities() {
            return Set.of(Modality.AUDIO);
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public FrameEmbeddings embedAudio(AudioClip clip) {
            calls++;
            return new FrameEmbeddings(1, 2, new double[] {clip.channels()[0][0], clip.channels()[0].length});
        }
    }

    @Test
    void embedsEachClipObjectOnce() {
        Counting slow = new Counting();
        CachingEncoder cached = new CachingEncoder("cached-slow", slow);
        assertEquals("cached-slow", cached.id());
        assertEquals("slow-fp", cached.fingerprint(), "same embeddings, same fingerprint");
        assertEquals(Set.of(Modality.AUDIO), cached.modalities());
        assertEquals(2, cached.dimension());

        AudioClip a = AudioClip.mono(16_000, new float[] {0.5f, 0, 0});
        AudioClip sameContent = AudioClip.mono(16_000, new float[] {0.5f, 0, 0});
        AudioClip other = AudioClip.mono(16_000, new float[] {0.25f, 0, 0, 0});
        assertArrayEquals(new double[] {0.5, 3}, cached.embedAudio(a).values());
        assertArrayEquals(new double[] {0.5, 3}, cached.embedAudio(a).values());
        assertEquals(1, slow.calls);
        // equal samples: the same clip (a deterministic encoder gives the same embedding); other samples: embedded
        assertArrayEquals(new double[] {0.5, 3}, cached.embedAudio(sameContent).values());
        assertEquals(1, slow.calls);
        assertArrayEquals(new double[] {0.25, 4}, cached.embedAudio(other).values());
        assertEquals(2, slow.calls);
        assertEquals(2, cached.remembered());

        // a caller that scribbles on its embedding does not change the next caller's
        cached.embedAudio(a).values()[0] = 99;
        assertArrayEquals(new double[] {0.5, 3}, cached.embedAudio(a).values());
        assertEquals(2, slow.calls);
    }
}
