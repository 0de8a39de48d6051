package dev.dragon.diffusion.corpus;

import dev.dragon.api.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Renders the versions of one proxy piece: the clean render once, then each degradation from it or from the score. */
public final class ProxyVersions {

    private ProxyVersions() {
    }

    /**
     * @param renderer the synthesizer
     * @param items    the versions of one piece (as {@link ProxyRatingPlan#itemsOf} gives them)
     * @return their audio, in the same order
     */
    public static List<AudioClip> render(MidiRenderer renderer, List<ProxyItem> items) {
        AudioClip clean = renderer.render(items.get(0).source().composition());
        List<AudioClip> out = new ArrayList<>(items.size());
        for (ProxyItem item : items) out.add(degrade(renderer, item, clean));
        return out;
    }

    /**
     * @param renderer the synthesizer (for degradations of the score)
     * @param item     the version
     * @param clean    the clean render of its piece
     * @return the version's audio (the clean clip itself for the clean version)
     */
    public static AudioClip degrade(MidiRenderer renderer, ProxyItem item, AudioClip clean) {
        if (item.degradation() == null) return clean;
        SplittableRandom random = new SplittableRandom(item.seed());
        double p = item.degradation().parameter(item.severity());
        Composition score = item.source().composition();
        float[] x = clean.channel(0);
        int rate = clean.sampleRate();
        return switch (item.degradation()) {
            case NOISE -> AudioClip.mono(rate, WaveformDegradations.addNoise(x, p, random));
            case CLIPPING -> AudioClip.mono(rate, WaveformDegradations.hardClip(x, p));
            case DETUNING -> AudioClip.mono(rate, WaveformDegradations.wow(x, rate, p));
            case MUFFLING -> AudioClip.mono(rate, WaveformDegradations.lowPass(x, rate, p));
            case WRONG_NOTES -> renderer.render(CompositionDegradations.wrongNotes(score, p / 100, random));
            case TIMING_JITTER -> renderer.render(CompositionDegradations.timingJitter(score, p / 1000, random));
        };
    }
}
