package dev.dragon.core.trust;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Which bundles a profile lets run from its watched plugin folders (PID {@value TrustSettings#PID}; in a profile,
 * {@code launcher/profiles/PROFILE/dev.dragon.trust.cfg}). Relative paths are relative to the dragon home.
 */
@ObjectClassDefinition(name = "dragon plugin trust", description = "which bundles dropped into plugins/ may run")
@interface TrustConfiguration {

    @AttributeDefinition(description = "any: every bundle in plugins/ runs; allowlist: only those whose jar's SHA-256 is listed",
        options = {@Option(label = "any", value = "any"), @Option(label = "allowlist", value = "allowlist")})
    String mode() default "any";

    @AttributeDefinition(description = "allowed SHA-256 hashes (64 hex digits each; several may share a value, separated by commas)", required = false)
    String[] allow() default {};

    @AttributeDefinition(description = "an allowlist file in sha256sum format ('HEX  NAME' per line), relative to the dragon home", required = false)
    String allowlist_file() default "";
}
