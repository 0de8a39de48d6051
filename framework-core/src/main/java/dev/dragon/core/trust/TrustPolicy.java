package dev.dragon.core.trust;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One profile's decision rule for bundles from its watched folders: {@link TrustMode#ANY} admits every bundle;
 * {@link TrustMode#ALLOWLIST} admits a bundle only when the SHA-256 of its jar is listed. A configuration that cannot
 * be read is not guessed at: every bundle is refused, and the refusal says why (fail closed).
 *
 * @param mode     the mode
 * @param allowed  the allowed hashes (lower-case hex)
 * @param profile  the profile's name, for messages
 * @param problem  what is wrong with the configuration, or {@code null}
 */
record TrustPolicy(TrustMode mode, Set<String> allowed, String profile, String problem) {

    TrustPolicy {
        allowed = Set.copyOf(allowed);
    }

    /** Admit everything: the policy of a profile without trust configuration. */
    static TrustPolicy any(String profile) {
        return new TrustPolicy(TrustMode.ANY, Set.of(), profile, null);
    }

    /**
     * The policy a configuration describes.
     *
     * @param mode          {@code any} or {@code allowlist}
     * @param allow         hashes given inline
     * @param allowlistFile an allowlist file ({@code sha256sum} format), relative to {@code home}; blank for none
     */
    static TrustPolicy from(String mode, String[] allow, String allowlistFile, Path home, String profile) {
        try {
            TrustMode parsed = TrustMode.parse(mode);
            Set<String> hashes = new LinkedHashSet<>(Allowlist.fromValues(allow));
            if (allowlistFile != null && !allowlistFile.isBlank()) {
                Path file = Path.of(allowlistFile.strip());
                hashes.addAll(Allowlist.fromFile(home == null ? file : home.resolve(file)));
            }
            return new TrustPolicy(parsed, hashes, profile, null);
        } catch (IllegalArgumentException e) {
            return new TrustPolicy(TrustMode.ALLOWLIST, Set.of(), profile, e.getMessage());
        }
    }

    /** A policy that refuses every plugin because its configuration is unusable. */
    static TrustPolicy invalid(String profile, String problem) {
        return new TrustPolicy(TrustMode.ALLOWLIST, Set.of(), profile, problem);
    }

    /** Why this bundle may not run, or empty when it may. */
    Optional<String> refusal(Assessment bundle) {
        if (problem != null) {
            return Optional.of("the trust configuration of profile '" + profile + "' is invalid (" + problem + "), so no plugin is admitted");
        }
        if (mode == TrustMode.ANY) return Optional.empty();
        if (bundle.replaced() != null) {
            return Optional.of("bundle " + bundle.replaced() + " of the profile was replaced at runtime (FileInstall updates an installed bundle"
                + " of the same name and version instead of installing the dropped jar), which profile '" + profile + "' does not allow in allowlist mode");
        }
        if (bundle.sha256() == null) return Optional.of(bundle.problem());
        if (allowed.contains(bundle.sha256())) return Optional.empty();
        return Optional.of("SHA-256 " + bundle.sha256() + " is not on the allowlist of profile '" + profile + "'");
    }
}
