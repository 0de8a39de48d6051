package dev.dragon.diffusion.training;

import static dev.dragon.diffusion.testing.Close.assertClose;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.dragon.diffusion.testing.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The losses against numpy reference values (make_loss_fixtures.py): values and gradients with respect to the
 * policy's predicted noise. float64: 1e-12 relative. float32: 2e-5 relative for β ≤ 50 and 5e-4 for β ≥ 1000,
 * values below 1e-3 (gradients below 1e-3 of the largest gradient) compared against that floor: a large β amplifies
 * float32 rounding of the small differences of m, so float32 cannot do better there.
 */
class PreferenceLossesTest {

    private static final double FLOAT64_TOLERANCE = 1e-12;
    private static final double FLOAT32_TOLERANCE = 2e-5;
    private static final double FLOAT32_LARGE_BETA_TOLERANCE = 5e-4;

    private static Fixtures fixtures;
    private NDManager manager;

    @BeforeAll
    static void readFixtures() throws IOException {
        fixtures = Fixtures.load("/dev/dragon/diffusion/training/loss-fixtures.txt");
    }

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @ParameterizedTest
    @CsvSource({"dpoSmallBeta,FLOAT64", "dpoMidBeta,FLOAT64", "dpoLargeBeta,FLOAT64",
        "dpoSmallBeta,FLOAT32", "dpoMidBeta,FLOAT32", "dpoLargeBeta,FLOAT32"})
    void dpoMatchesReference(String name, DataType type) {
        double floor = type == DataType.FLOAT64 ? 1e-12 : 1e-3;
        NDArray eps = fixtures.array(manager, name + ".eps", type);
        NDArray policyWinner = fixtures.array(manager, name + ".policyWinner", type);
        NDArray policyLoser = fixtures.array(manager, name + ".policyLoser", type);
        NDArray referenceWinner = fixtures.array(manager, name + ".referenceWinner", type);
        NDArray referenceLoser = fixtures.array(manager, name + ".referenceLoser", type);
        double beta = fixtures.scalar(name + ".beta");
        double tolerance = tolerance(type, beta);
        policyWinner.setRequiresGradient(true);
        policyLoser.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray mPolicyWinner = PreferenceLosses.denoisingError(eps, policyWinner);
            NDArray mPolicyLoser = PreferenceLosses.denoisingError(eps, policyLoser);
            NDArray mReferenceWinner = PreferenceLosses.denoisingError(eps, referenceWinner);
            NDArray mReferenceLoser = PreferenceLosses.denoisingError(eps, referenceLoser);
            assertClose(fixtures.values(name + ".mPolicyWinner"), doubles(mPolicyWinner), tolerance, floor, "m_θ(w)");
            assertClose(fixtures.values(name + ".mReferenceLoser"), doubles(mReferenceLoser), tolerance, floor, "m_ref(l)");
            NDArray perPair = PreferenceLosses.dpoPerPair(mPolicyWinner, mPolicyLoser, mReferenceWinner, mReferenceLoser, beta);
            assertClose(fixtures.values(name + ".lossPerPair"), doubles(perPair), tolerance, floor, name + " loss per pair");
            NDArray margin = PreferenceLosses.implicitRewardMargin(mPolicyWinner, mPolicyLoser, mReferenceWinner, mReferenceLoser);
            assertClose(fixtures.values(name + ".margin"), doubles(margin), tolerance, type == DataType.FLOAT64 ? 1e-12 : 1e-2, name + " margin");
            NDArray loss = PreferenceLosses.dpo(mPolicyWinner, mPolicyLoser, mReferenceWinner, mReferenceLoser, beta);
            double lossError = assertClose(fixtures.values(name + ".loss"), doubles(loss), tolerance, floor, name + " loss");
            System.out.printf("%s %s: loss relative error %.3g%n", name, type, lossError);
            collector.backward(loss);
        }
        double gradientFloor = type == DataType.FLOAT64 ? 1e-12 : 1e-3 * maxAbs(fixtures.values(name + ".gradPolicyWinner"));
        double worst = Math.max(
            assertClose(fixtures.values(name + ".gradPolicyWinner"), doubles(policyWinner.getGradient()), tolerance, gradientFloor, name + " dL/dε_θ(w)"),
            assertClose(fixtures.values(name + ".gradPolicyLoser"), doubles(policyLoser.getGradient()), tolerance, gradientFloor, name + " dL/dε_θ(l)"));
        System.out.printf("%s %s: largest relative gradient error %.3g%n", name, type, worst);
    }

    @ParameterizedTest
    @CsvSource({"ktoActiveBaseline,FLOAT64", "ktoClampedBaseline,FLOAT64", "ktoLargeBeta,FLOAT64",
        "ktoActiveBaseline,FLOAT32", "ktoClampedBaseline,FLOAT32", "ktoLargeBeta,FLOAT32"})
    void ktoMatchesReference(String name, DataType type) {
        double floor = type == DataType.FLOAT64 ? 1e-12 : 1e-3;
        NDArray eps = fixtures.array(manager, name + ".eps", type);
        NDArray policy = fixtures.array(manager, name + ".policy", type);
        NDArray reference = fixtures.array(manager, name + ".reference", type);
        NDArray labels = fixtures.array(manager, name + ".labels", type);
        double beta = fixtures.scalar(name + ".beta");
        double tolerance = tolerance(type, beta);
        double lambdaPositive = fixtures.scalar(name + ".lambdaPositive");
        double lambdaNegative = fixtures.scalar(name + ".lambdaNegative");
        policy.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray mPolicy = PreferenceLosses.denoisingError(eps, policy);
            NDArray mReference = PreferenceLosses.denoisingError(eps, reference);
            assertClose(fixtures.values(name + ".mPolicy"), doubles(mPolicy), tolerance, floor, "m_θ");
            assertClose(fixtures.values(name + ".implicitReward"),
                doubles(PreferenceLosses.ktoImplicitReward(mPolicy, mReference)), tolerance, type == DataType.FLOAT64 ? 1e-12 : 1e-2, "g");
            NDArray perSample = PreferenceLosses.ktoPerSample(mPolicy, mReference, labels, beta, lambdaPositive, lambdaNegative);
            assertClose(fixtures.values(name + ".lossPerSample"), doubles(perSample), tolerance, floor, name + " loss per sample");
            NDArray loss = PreferenceLosses.kto(mPolicy, mReference, labels, beta, lambdaPositive, lambdaNegative);
            double lossError = assertClose(fixtures.values(name + ".loss"), doubles(loss), tolerance, floor, name + " loss");
            System.out.printf("%s %s: loss relative error %.3g%n", name, type, lossError);
            collector.backward(loss);
        }
        double gradientFloor = type == DataType.FLOAT64 ? 1e-12 : 1e-3 * maxAbs(fixtures.values(name + ".gradPolicy"));
        double worst = assertClose(fixtures.values(name + ".gradPolicy"), doubles(policy.getGradient()), tolerance, gradientFloor, name + " dL/dε_θ");
        System.out.printf("%s %s: largest relative gradient error %.3g%n", name, type, worst);
    }

    private static double tolerance(DataType type, double beta) {
        if (type == DataType.FLOAT64) return FLOAT64_TOLERANCE;
        return beta >= 1000 ? FLOAT32_LARGE_BETA_TOLERANCE : FLOAT32_TOLERANCE;
    }

    private static double[] doubles(NDArray array) {
        return array.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) max = Math.max(max, Math.abs(v));
        return max;
    }
}
