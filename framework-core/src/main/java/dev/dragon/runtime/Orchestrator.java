package dev.dragon.runtime;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generator;
import dev.dragon.api.Reward;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds every {@link Encoder}, {@link Reward} and {@link Generator} service in the framework, bound and unbound
 * on the live instance as bundles come and go (no restart, no re-creation).
 */
@ProviderType
public interface Orchestrator {

    /** @return every plugin held now, sorted by type, then id, then bundle */
    List<PluginEntry> plugins();

    /**
     * @param id an {@link Encoder#id()}
     * @return the encoder with that id (the highest-ranked when several share it)
     */
    Optional<Encoder> encoder(String id);

    /**
     * @param id a {@link Reward#id()}
     * @return the reward with that id (the highest-ranked when several share it)
     */
    Optional<Reward> reward(String id);

    /**
     * @param id a {@link Generator#id()}
     * @return the generator with that id (the highest-ranked when several share it)
     */
    Optional<Generator> generator(String id);
}
