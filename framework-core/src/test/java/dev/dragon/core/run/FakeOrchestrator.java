package dev.dragon.core.run;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generator;
import dev.dragon.api.Reward;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.PluginType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An orchestrator over fixed test services. */
final class FakeOrchestrator implements Orchestrator {

    final Map<String, Reward> rewards = new LinkedHashMap<>();
    final Map<String, Generator> generators = new LinkedHashMap<>();

    @Override
    public List<PluginEntry> plugins() {
        List<PluginEntry> out = new ArrayList<>();
        generators.values().forEach(g -> out.add(new PluginEntry(PluginType.GENERATOR, g.id(), "generator", "1.0.0", "test", 1, g.fingerprint(), 1)));
        rewards.values().forEach(r -> out.add(new PluginEntry(PluginType.REWARD, r.id(), r.kind().name(), "1.0.0", "test", 1, "", 2)));
        return out;
    }

    @Override
    public Optional<Encoder> encoder(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<Reward> reward(String id) {
        return Optional.ofNullable(rewards.get(id));
    }

    @Override
    public Optional<Generator> generator(String id) {
        return Optional.ofNullable(generators.get(id));
    }
}
