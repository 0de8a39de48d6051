package dev.dragon.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dragon.api.LossType;
import dev.dragon.core.dragon.PairingMode;
import dev.dragon.core.dragon.RunSettings;
import dev.dragon.core.dragon.WeightedReward;
import dev.dragon.runtime.CommandException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code dragon run} options: parsing, defaults, one-line usage errors naming the option. */
class CommandOptionsTest {

    private static RunSettings parse(String... args) throws CommandException {
        return RunCommand.settings(CommandOptions.parse("run", List.of(args), RunCommand.OPTIONS, Set.of()), RunCommand.defaults());
    }

    @Test
    void optionsOverrideDefaults() throws CommandException {
        RunSettings s = parse("--reward", "a=2", "--reward", "b", "--generator", "g", "--train-prompts", "t.tsv", "--iterations=7",
            "--loss", "kto", "--pairing", "unpaired", "--beta", "500", "--lr", "3e-5", "--seed", "9", "--batch", "2");
        assertEquals(List.of(new WeightedReward("a", 2), new WeightedReward("b", 1)), s.rewards());
        assertEquals("g", s.generatorId());
        assertEquals(7, s.iterations());
        assertEquals(LossType.KTO, s.loss());
        assertEquals(PairingMode.UNPAIRED, s.pairing());
        assertEquals(500, s.beta());
        assertEquals(3e-5, s.learningRate());
        assertEquals(9, s.seed());
        assertEquals(2, s.batchSize());
        assertEquals(RunCommand.defaults().demoSteps(), s.demoSteps());
    }

    @Test
    void badInputIsOneUsageLineNamingTheOption() {
        assertMessage("unknown option '--itertions' (run knows:", "--itertions", "3");
        assertMessage("option --batch: 'x' is not a whole number", "--train-prompts", "t", "--batch", "x");
        assertMessage("option --loss: unknown loss 'ppo' (one of: dpo, kto)", "--train-prompts", "t", "--loss", "ppo");
        assertMessage("unknown pairing 'both' (one of: auto, paired, unpaired, set)", "--train-prompts", "t", "--pairing", "both");
        assertMessage("--loss dpo needs pairs", "--train-prompts", "t", "--pairing", "unpaired");
        assertMessage("--iterations must be at least 1, got 0", "--train-prompts", "t", "--iterations", "0");
        assertMessage("reward 'a=x': weight 'x' is not a number", "--train-prompts", "t", "--reward", "a=x");
        assertMessage("--train-prompts FILE is missing");
        assertMessage("option --seed needs a value", "--train-prompts", "t", "--seed");
    }

    private static void assertMessage(String start, String... args) {
        CommandException e = assertThrows(CommandException.class, () -> parse(args));
        assertEquals(CommandException.USAGE, e.exitCode());
        assertEquals(true, e.getMessage().startsWith(start), e.getMessage());
    }
}
