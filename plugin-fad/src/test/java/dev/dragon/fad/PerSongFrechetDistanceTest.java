package dev.dragon.fad;

import static dev.dragon.fad.Fixtures.assertRelative;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.FrameEmbeddings;
import dev.dragon.api.ReferenceStatistics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PerSongFrechetDistanceTest {

    private static ReferenceStatistics identityReference(int d) {
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) eye[i * d + i] = 1;
        return new ReferenceStatistics("enc", "ref", 100, new double[d], eye);
    }

    @Test
    void briefReferenceThreeBasisVectorsInFourDimensions() {
        FrameEmbeddings song = new FrameEmbeddings(3, 4, new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});
        assertRelative(2.5049062085871423, PerSongFrechetDistance.of(song, "e1e2e3", identityReference(4)), 1e-12, "per-song FD");
    }

    @Test
    void shortSongMatchesTheExactReduction() {
        double value = PerSongFrechetDistance.of(Fixtures.stored("song-short"), "song-short", Fixtures.statistics(Fixtures.stored("b-small")));
        assertRelative(Fixtures.expected("song.short"), value, 1e-9, "T=5 < d=8");
    }

    @Test
    void longSongTakesTheFullRouteAndMatchesSqrtm() {
        double value = PerSongFrechetDistance.of(Fixtures.stored("song-long"), "song-long", Fixtures.statistics(Fixtures.stored("b-small")));
        assertRelative(Fixtures.expected("song.long"), value, 1e-9, "T=20 >= d=8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"full512", "rankdef512"})
    void thirtyFramesAtDimension512MatchNumpy(String reference) {
        ReferenceStatistics ref = Fixtures.statistics(Fixtures.generated("ref." + reference));
        double value = PerSongFrechetDistance.of(Fixtures.generated("song.512"), "song", ref);
        assertRelative(Fixtures.expected("song.512.vs." + reference), value, 1e-9, reference);
    }

    @Test
    void batchOfSongsOfDifferentLengthsMatchesNumpy() {
        ReferenceStatistics ref = Fixtures.statistics(Fixtures.generated("ref.64"));
        List<FrameEmbeddings> songs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            songs.add(Fixtures.generated("batch." + i));
            names.add("song " + i);
        }
        double[] values = PerSongFrechetDistance.ofEach(songs, names, ref);
        for (int i = 0; i < 5; i++) assertRelative(Fixtures.expected("batch." + i), values[i], 1e-9, "song " + i);
    }

    @Test
    void singleFrameIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> PerSongFrechetDistance.of(new FrameEmbeddings(1, 4, new double[4]), "clip-7.wav", identityReference(4)));
        assertTrue(e.getMessage().startsWith("clip-7.wav: only 1 frame"), e.getMessage());
    }

    @Test
    void infiniteRowIsRejectedByName() {
        double[] values = new double[8];
        values[5] = Double.POSITIVE_INFINITY;
        var e = assertThrows(IllegalArgumentException.class,
            () -> PerSongFrechetDistance.of(new FrameEmbeddings(2, 4, values), "clip-8.wav", identityReference(4)));
        assertTrue(e.getMessage().startsWith("clip-8.wav: row 1 holds Infinity"), e.getMessage());
    }

    @Test
    void dimensionMismatchIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> PerSongFrechetDistance.of(new FrameEmbeddings(3, 5, new double[15]), "clip-9.wav", identityReference(4)));
        assertTrue(e.getMessage().startsWith("clip-9.wav: dimension mismatch"), e.getMessage());
    }
}
