package dev.dragon.core.trust;

import java.util.Locale;

/** Which bundles dropped into a watched plugins folder may run. */
enum TrustMode {

    /** Every bundle dropped into {@code plugins/} is started (the demo profile's default). */
    ANY,

    /** Only bundles whose jar file's SHA-256 is on the profile's allowlist are started. */
    ALLOWLIST;

    /** The mode a configuration names; {@code null} or blank means {@link #ANY}. */
    static TrustMode parse(String text) {
        if (text == null || text.isBlank()) return ANY;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "any" -> ANY;
            case "allowlist" -> ALLOWLIST;
            default -> throw new IllegalArgumentException("mode '" + text.strip() + "' is neither 'any' nor 'allowlist'");
        };
    }
}
