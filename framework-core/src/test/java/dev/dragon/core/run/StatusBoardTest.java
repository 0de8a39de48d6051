package dev.dragon.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run progress for {@code dragon status}: this process's entry is listed, a dead process's entry is dropped. */
class StatusBoardTest {

    @TempDir
    Path home;

    @Test
    void liveRunsAreListedAndDeadOnesRemoved() throws Exception {
        StatusBoard board = new StatusBoard(home);
        board.publish(StatusBoard.state(Path.of("/runs/a"), 3, 20, "iteration 3/20 rollouts", "4/16",
            Json.createObjectBuilder().add("fad", -12.5).build()));
        // a process id that cannot be alive: 2^22 + 1 is above Linux's pid_max default, and a long way from ours
        Path dead = home.resolve("run/runs/4194305.json");
        Files.writeString(dead, "{\"folder\": \"/runs/old\"}");
        var runs = board.live().build();
        assertEquals(1, runs.size(), runs.toString());
        var run = runs.getJsonObject(0);
        assertEquals(3, run.getInt("iteration"));
        assertEquals("iteration 3/20 rollouts", run.getString("phase"));
        assertEquals(-12.5, run.getJsonObject("lastReward").getJsonNumber("fad").doubleValue());
        assertEquals(ProcessHandle.current().pid(), run.getJsonNumber("pid").longValue());
        assertFalse(Files.exists(dead));
        board.clear();
        assertTrue(board.live().build().isEmpty());
    }

    @Test
    void aPausedRunSaysSoWithItsReason() {
        StatusBoard board = new StatusBoard(home);
        board.publish(StatusBoard.state(Path.of("/runs/b"), 4, 6, "paused before iteration 4/6", "0/1", null,
            "reward 'x' is not available; waiting for it to return"));
        var run = board.live().build().getJsonObject(0);
        assertEquals("paused", run.getString("state"));
        assertEquals("reward 'x' is not available; waiting for it to return", run.getString("reason"));
        board.publish(StatusBoard.state(Path.of("/runs/b"), 4, 6, "iteration 4/6 rollouts", "0/8", null));
        run = board.live().build().getJsonObject(0);
        assertEquals("running", run.getString("state"));
        assertFalse(run.containsKey("reason"));
        board.clear();
    }
}
