package dev.dragon.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustPolicyTest {

    private static final String A = AllowlistTest.A;
    private static final String B = AllowlistTest.B;
    private static final Assessment JAR_A = new Assessment(Path.of("/h/plugins/a.jar"), A, null);
    private static final Assessment JAR_B = new Assessment(Path.of("/h/plugins/b.jar"), B, null);
    private static final Assessment UNREADABLE = new Assessment(Path.of("/h/plugins/c.jar"), null, "the file is gone, so its SHA-256 cannot be checked");

    @Test
    void anyAdmitsEverythingEvenUnreadableJars() {
        TrustPolicy any = TrustPolicy.from("any", new String[0], "", Path.of("/h"), "demo");
        assertEquals(Optional.empty(), any.refusal(JAR_A));
        assertEquals(Optional.empty(), any.refusal(UNREADABLE));
        assertEquals(TrustMode.ANY, TrustPolicy.from(null, null, null, Path.of("/h"), "demo").mode(), "no mode given: any");
    }

    @Test
    void allowlistAdmitsOnlyListedHashes() {
        TrustPolicy p = TrustPolicy.from("allowlist", new String[] {A.toUpperCase()}, "", Path.of("/h"), "demo");
        assertEquals(Optional.empty(), p.refusal(JAR_A));
        assertEquals(Optional.of("SHA-256 " + B + " is not on the allowlist of profile 'demo'"), p.refusal(JAR_B));
        assertEquals(Optional.of("the file is gone, so its SHA-256 cannot be checked"), p.refusal(UNREADABLE));
    }

    @Test
    void allowlistFileIsRelativeToHomeAndAddsToInlineValues(@TempDir Path home) throws Exception {
        Files.write(home.resolve("vetted.txt"), List.of(B + "  b.jar"));
        TrustPolicy p = TrustPolicy.from(" Allowlist ", new String[] {A}, "vetted.txt", home, "demo");
        assertEquals(Optional.empty(), p.refusal(JAR_A));
        assertEquals(Optional.empty(), p.refusal(JAR_B));
    }

    @Test
    void aReplacedProfileBundleRunsOnlyInModeAny() {
        Assessment replaced = Assessment.replacedProfileBundle("plugin-fad");
        assertEquals(Optional.empty(), TrustPolicy.any("demo").refusal(replaced));
        assertTrue(TrustPolicy.from("allowlist", new String[] {A}, "", Path.of("/h"), "demo").refusal(replaced).orElseThrow()
            .startsWith("bundle plugin-fad of the profile was replaced at runtime"));
    }

    @Test
    void aBrokenConfigurationRefusesEverythingAndSaysWhy(@TempDir Path home) {
        TrustPolicy typo = TrustPolicy.from("allowlst", new String[0], "", home, "demo");
        assertEquals(Optional.of("the trust configuration of profile 'demo' is invalid (mode 'allowlst' is neither 'any' nor 'allowlist'), so no plugin is admitted"),
            typo.refusal(JAR_A));
        TrustPolicy missingFile = TrustPolicy.from("any", new String[0], "nope.txt", home, "demo");
        assertTrue(missingFile.refusal(JAR_A).orElseThrow().contains(home.resolve("nope.txt") + ": cannot read the allowlist"));
        TrustPolicy badValue = TrustPolicy.from("allowlist", new String[] {"xyz"}, "", home, "demo");
        assertTrue(badValue.refusal(JAR_A).orElseThrow().contains("allow: 'xyz' is not a SHA-256"));
    }
}
