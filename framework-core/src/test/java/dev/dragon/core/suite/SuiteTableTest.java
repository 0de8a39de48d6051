package dev.dragon.core.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.core.evaluation.MetricResult;
import dev.dragon.core.evaluation.WinRate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's aggregation: the average win rate over measured rewards, and the JSON, CSV and HTML it writes. */
class SuiteTableTest {

    @TempDir
    Path dir;

    /** Per-prompt 7 of 8, a bootstrap 10 of 20 (binomial statistics do not apply), and a reward that failed. */
    private static List<SuiteRow> rows() {
        SuiteRow perPrompt = SuiteRow.of(new MetricResult("fad-song", "INSTANCE_TO_DISTRIBUTION", true, -126.0, -118.5,
            WinRate.of(7, 1, 0), "per-prompt", null), "01-fad-song", 75.5, "12×8 dpo β=2000 lr=0.0001 demo 10 steps guidance 1 auto");
        SuiteRow bootstrap = new SuiteRow("vendi, \"clap\"", "DISTRIBUTION", "bootstrap 20",
            new WinRate(10, 10, 0, 0.5, Double.NaN, Double.NaN, Double.NaN), 5.3, 5.1, "02-vendi", 80, null, "24×16 kto β=500 lr=0.0003 λ+=1 λ−=1 demo 10 steps guidance 1 set");
        SuiteRow failed = new SuiteRow("broken", "DISTRIBUTION", "", null, Double.NaN, Double.NaN, "03-broken", 2, "encoder 'x' does not embed text", null);
        return List.of(perPrompt, bootstrap, failed);
    }

    @Test
    void averagesTheMeasuredRewardsOnly() {
        SuiteTable t = new SuiteTable(rows(), 4, Json.createObjectBuilder().add("iterations", 12).build());
        // (7/8 + 10/20) / 2, the failed reward left out
        assertEquals((0.875 + 0.5) / 2, t.averageWinRate(), 1e-15);
        assertEquals(2, t.measured());
        assertEquals(1, t.improved());
        assertTrue(Double.isNaN(new SuiteTable(List.of(rows().get(2)), 1, JsonObject.EMPTY_JSON_OBJECT).averageWinRate()));
    }

    @Test
    void writesJsonCsvAndHtmlThatReadBack() throws Exception {
        SuiteTable t = new SuiteTable(rows(), 4, Json.createObjectBuilder().add("iterations", 12).build());
        t.write(dir);
        JsonObject json;
        try (var r = Json.createReader(new StringReader(Files.readString(dir.resolve("suite.json"))))) {
            json = r.readObject();
        }
        assertEquals(0.6875, json.getJsonNumber("averageWinRate").doubleValue(), 1e-15);
        assertEquals(4, json.getInt("planned"));
        assertEquals(3, json.getInt("finished"));
        assertEquals(0.8145, json.getJsonNumber("paperAverageWinRate").doubleValue(), 0);
        assertEquals(12, json.getJsonObject("settings").getInt("iterations"));
        // every row survives the round trip (what a resumed suite reads back)
        for (int i = 0; i < 3; i++) {
            SuiteRow back = SuiteRow.fromJson(json.getJsonArray("rewards").getJsonObject(i), "ignored", Double.NaN);
            assertEquals(rows().get(i).toJson(), back.toJson());
        }
        SuiteRow first = SuiteRow.fromJson(json.getJsonArray("rewards").getJsonObject(0), "ignored", Double.NaN);
        // 7 of 8: P(X >= 7) = 9/256 for X ~ Bin(8, 1/2)
        assertEquals(9 / 256.0, first.winRate().pValue(), 1e-12);
        assertEquals("01-fad-song", first.runFolder());
        assertEquals(75.5, first.seconds(), 0);
        assertEquals("12×8 dpo β=2000 lr=0.0001 demo 10 steps guidance 1 auto", first.settings());
        // a row written before rows recorded their settings reads back with none
        assertEquals("", SuiteRow.fromJson(Json.createObjectBuilder(json.getJsonArray("rewards").getJsonObject(0)).remove("settings").build(),
            "ignored", Double.NaN).settings());

        List<String> csv = Files.readAllLines(dir.resolve("suite.csv"));
        assertEquals(4, csv.size());
        assertEquals("reward,kind,method,win_rate,wins,losses,ties,cp95_lower,p_value,p_wr_above_half,before,after,seconds,settings,run,error", csv.get(0));
        assertTrue(csv.get(1).startsWith("fad-song,INSTANCE_TO_DISTRIBUTION,per-prompt,0.875,7,1,0,"), csv.get(1));
        assertTrue(csv.get(1).endsWith(",-126.0,-118.5,75.5,12×8 dpo β=2000 lr=0.0001 demo 10 steps guidance 1 auto,01-fad-song,"), csv.get(1));
        assertEquals("\"vendi, \"\"clap\"\"\",DISTRIBUTION,bootstrap 20,0.5,10,10,0,,,,5.3,5.1,80.0,24×16 kto β=500 lr=0.0003 λ+=1 λ−=1 demo 10 steps guidance 1 set,02-vendi,", csv.get(2));
        assertEquals("broken,DISTRIBUTION,,,,,,,,,,,2.0,,03-broken,encoder 'x' does not embed text", csv.get(3));

        String html = Files.readString(dir.resolve("suite.html"));
        assertTrue(html.contains("Average reward win rate: <b>68.75 %</b> over 2 measured reward(s) of 4 (1 above 50 %)"), html);
        assertTrue(html.contains("<td class=\"up\">87.50 %</td>"), html);
        assertTrue(html.contains("vendi, &quot;clap&quot;"), "escaped");
        assertTrue(html.contains("not measured: encoder &#39;x&#39; does not embed text") || html.contains("not measured: encoder 'x' does not embed text"));
        assertTrue(html.contains("<a href=\"01-fad-song/report.html\">"));
        assertTrue(html.contains("<td class=\"l\">24×16 kto β=500 lr=0.0003 λ+=1 λ−=1 demo 10 steps guidance 1 set</td>"), html);
        assertFalse(html.contains("<script"), "self-contained, nothing to load or run");
        try (var s = Files.list(dir)) {
            assertEquals(3, s.count(), "no temporary files left");
        }
    }
}
