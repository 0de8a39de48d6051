package dev.dragon.diffusion.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiRendererTest {

    private static final int RATE = MidiRenderer.DEFAULT_SAMPLE_RATE;
    /** The frozen emergency soundbank in src/main/resources (the demo corpus of the documented figures). */
    private static final String SHIPPED_SHA256 = "21f982719c2d39fbbcb87922aab25d3c4432caa021c64380ed24fd7c76196554";

    private final MidiRenderer renderer = new MidiRenderer(TestSoundbank.get(), RATE);
    private final Composer composer = new Composer();

    @Test
    void sameCompositionRendersBitForBitTheSame() throws IOException {
        Composition c = composer.compose(123);
        AudioClip first = renderer.render(c);
        assertEquals(first, renderer.render(c));
        // a second load of the frozen soundbank (as in a resumed build, or another JVM) renders the same samples
        MidiRenderer reloaded = new MidiRenderer(SoundbankSource.frozenEmergency(TestSoundbank.folder()), RATE);
        assertEquals(first, reloaded.render(c));
        assertEquals(renderer.fingerprint(), reloaded.fingerprint());
    }

    @Test
    void everyInstallationStartsFromTheShippedSoundbank(@TempDir Path a, @TempDir Path b) throws IOException {
        // the JDK builds its emergency bank with random phases; the bundle ships one frozen copy so that corpora match
        SoundbankSource first = SoundbankSource.frozenEmergency(a);
        SoundbankSource second = SoundbankSource.frozenEmergency(b);
        assertEquals(SHIPPED_SHA256, first.sha256());
        assertEquals(SHIPPED_SHA256, second.sha256());
        Composition c = composer.compose(7);
        assertEquals(new MidiRenderer(first, RATE).render(c), new MidiRenderer(second, RATE).render(c));
    }

    @Test
    void differentSeedsRenderDifferentAudio() {
        assertFalse(renderer.render(composer.compose(1)).equals(renderer.render(composer.compose(2))));
    }

    @Test
    void clipsHaveTheRightLengthAndAreNeitherSilentNorClipped() {
        CorpusPlan plan = new CorpusPlan(3, 16, 0, composer);
        for (ClipSpec spec : plan.clips()) {
            AudioClip clip = renderer.render(spec.composition());
            assertEquals(1, clip.channelCount());
            assertEquals(Math.round(Composer.DEFAULT_SECONDS * RATE), clip.frames());
            float[] x = clip.channel(0);
            double rms = AudioFeatures.rms(x);
            double peak = AudioFeatures.peak(x);
            assertTrue(rms > 0.003, spec.caption() + ": rms " + rms);
            assertTrue(peak < 1.0 && peak > 0.01, spec.caption() + ": peak " + peak);
            assertEquals(0f, Math.abs(x[x.length - 1]), "faded out at the cut");
        }
    }

    @Test
    void softKneeKeepsQuietSamplesAndBoundsLoudOnes() {
        assertEquals(0.5f, MidiRenderer.softKnee(0.5f));
        assertEquals(-0.9f, MidiRenderer.softKnee(-0.9f));
        assertTrue(MidiRenderer.softKnee(1.5f) < 1f && MidiRenderer.softKnee(1.5f) > 0.99f);
        assertTrue(MidiRenderer.softKnee(-40f) >= -1f);
        assertTrue(MidiRenderer.softKnee(0.95f) > 0.9f && MidiRenderer.softKnee(0.95f) < 0.95f);
    }

    @Test
    void fastTempoHasMoreOnsetsPerSecondThanSlow() {
        for (Instrument instrument : new Instrument[] {Instrument.PIANO, Instrument.MARIMBA, Instrument.GUITAR}) {
            Attributes a = plain(instrument).withTempo(TempoClass.SLOW, 66);
            double slow = AudioFeatures.onsetsPerSecond(renderer.render(composer.compose(a, 5)).channel(0), RATE);
            double fast = AudioFeatures.onsetsPerSecond(renderer.render(composer.compose(a.withTempo(TempoClass.FAST, 140), 5)).channel(0), RATE);
            assertTrue(fast > 1.6 * slow, instrument + ": " + fast + " onsets/s at 140 BPM vs " + slow + " at 66");
        }
    }

    @Test
    void higherRegisterHasHigherSpectralCentroid() {
        for (Instrument instrument : Instrument.values()) {
            Attributes a = plain(instrument);
            double low = centroid(a.withRegister(Register.LOW));
            double high = centroid(a.withRegister(Register.HIGH));
            assertTrue(high > 1.3 * low, instrument + ": centroids " + low + " (low) vs " + high + " (high)");
        }
        // step by step too, for instruments whose brightness follows pitch (the emergency soundbank's violin, for
        // one, is duller in its top octave than in the middle)
        for (Instrument instrument : new Instrument[] {Instrument.PIANO, Instrument.FLUTE, Instrument.TRUMPET}) {
            Attributes a = plain(instrument);
            double low = centroid(a.withRegister(Register.LOW));
            double middle = centroid(a.withRegister(Register.MIDDLE));
            double high = centroid(a.withRegister(Register.HIGH));
            assertTrue(low < middle && middle < high, instrument + ": centroids " + low + " < " + middle + " < " + high);
        }
    }

    @Test
    void louderDynamicsHaveHigherRms() {
        for (Instrument instrument : new Instrument[] {Instrument.PIANO, Instrument.ORGAN, Instrument.CLARINET}) {
            Attributes a = plain(instrument);
            double soft = rms(a.withDynamics(Dynamics.SOFT));
            double medium = rms(a.withDynamics(Dynamics.MEDIUM));
            double loud = rms(a.withDynamics(Dynamics.LOUD));
            // at least 3 dB between neighbouring levels
            assertTrue(medium > 1.41 * soft && loud > 1.41 * medium, instrument + ": rms " + soft + " / " + medium + " / " + loud);
        }
    }

    @Test
    void instrumentsSoundDifferent() {
        Attributes a = plain(Instrument.PIANO);
        float[][] clips = new float[Instrument.values().length][];
        for (Instrument i : Instrument.values()) clips[i.ordinal()] = renderer.render(composer.compose(a.withInstrument(i), 8)).channel(0);
        for (int i = 0; i < clips.length; i++) {
            for (int j = i + 1; j < clips.length; j++) {
                assertFalse(java.util.Arrays.equals(clips[i], clips[j]), Instrument.values()[i] + " = " + Instrument.values()[j]);
            }
        }
        assertArrayEquals(clips[0], renderer.render(composer.compose(a, 8)).channel(0));
    }

    /** The instrument alone, middle register, medium dynamics, one note per beat, 4/4. */
    private Attributes plain(Instrument instrument) {
        Attributes drawn = composer.drawAttributes(new SplittableRandom(21)).alone();
        return new Attributes(instrument, TempoClass.MODERATE, 100, drawn.tonic(), drawn.mode(), Register.MIDDLE,
            Dynamics.MEDIUM, Meter.FOUR_FOUR, MelodyRhythm.STEADY_QUARTERS, drawn.contour(), drawn.progression(),
            Accompaniment.NONE, null, false, DrumPattern.NONE);
    }

    private double centroid(Attributes a) {
        return AudioFeatures.spectralCentroid(renderer.render(composer.compose(a, 4)).channel(0), RATE);
    }

    private double rms(Attributes a) {
        return AudioFeatures.rms(renderer.render(composer.compose(a, 4)).channel(0));
    }
}
