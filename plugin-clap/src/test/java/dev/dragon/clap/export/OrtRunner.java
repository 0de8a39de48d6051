package dev.dragon.clap.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs a one-input, one-output float model held in memory through ONNX Runtime (test helper). */
public final class OrtRunner {

    private OrtRunner() {
    }

    /**
     * @param model  the model bytes
     * @param input  the input's name
     * @param values its values, row-major
     * @param shape  its shape
     * @return the first output's values, row-major
     * @throws OrtException when ONNX Runtime rejects the model or the run fails
     */
    public static float[] run(byte[] model, String input, float[] values, long... shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] array = new float[out.remaining()];
            out.get(array);
            return array;
        }
    }
}
