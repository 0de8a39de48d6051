package dev.dragon.clap.tower;

import dev.dragon.clap.encoders.MiniLmTextEncoder;
import dev.dragon.clap.onnx.SessionSettings;
import java.nio.file.Path;

/**
 * {@code clap-train} outside the framework, on the test class path (MiniLM from the model package jar, DJL's PyTorch
 * engine from the test-scoped natives): the same {@link TowerTraining} job the command runs.
 * <pre>mvn -o -q -pl plugin-clap -Ptower test-compile exec:java -Dexec.args="CORPUS OUT [EPOCHS] [SEED]"</pre>
 */
public final class TowerTrainingTool {

    private TowerTrainingTool() {
    }

    /**
     * @param args corpus folder, output folder, optional epochs and seed
     * @throws Exception when the job fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TowerTrainingTool CORPUS OUT [EPOCHS] [SEED]");
            System.exit(2);
        }
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        TrainingSettings defaults = TrainingSettings.defaults(seed);
        TrainingSettings settings = new TrainingSettings(args.length > 2 ? Integer.parseInt(args[2]) : defaults.epochs(), defaults.batchSize(),
            defaults.learningRate(), defaults.weightDecay(), seed);
        MiniLmTextEncoder text = new MiniLmTextEncoder();
        text.load("minilm-l6-v2", null, null, SessionSettings.defaults(), 32);
        try {
            RetrievalRecall recall = TowerTraining.train(Path.of(args[0]), Path.of(args[1]), text.id(), text::embedTexts, settings,
                Runtime.getRuntime().availableProcessors(), System.err::println);
            System.out.println(recall == null ? "no held-out clips" : recall.describe());
        } finally {
            text.close();
        }
    }
}
