package dev.dragon.core.orchestration;

import dev.dragon.api.Encoder;
import dev.dragon.api.Generator;
import dev.dragon.api.Modality;
import dev.dragon.api.Reward;
import dev.dragon.core.dragon.RewardBinding;
import dev.dragon.core.dragon.RewardDirectory;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import dev.dragon.runtime.PluginType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds every Encoder, Reward and Generator service. The references are MULTIPLE + DYNAMIC + GREEDY so that SCR
 * calls bind/unbind on this live instance (a static reference would re-create the orchestrator, and with it any
 * run in progress, whenever a plugin comes or goes).
 *
 * <p>It is also the DRAGON loop's {@link RewardDirectory}: every bind, update and unbind moves a change counter and
 * wakes the runs paused on it, and a reward is reported with its bundle, version, service id and in-place
 * reconfigurations. Registered as {@link Orchestrator} only.
 */
@Component(immediate = true, service = Orchestrator.class)
public class ServiceOrchestrator implements Orchestrator, RewardDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceOrchestrator.class);
    private static final Comparator<PluginEntry> ORDER = Comparator.comparing(PluginEntry::type)
        .thenComparing(PluginEntry::id).thenComparing(PluginEntry::bundle).thenComparingLong(PluginEntry::serviceId);

    private final Map<ServiceReference<?>, Held<Encoder>> encoders = new ConcurrentHashMap<>();
    private final Map<ServiceReference<?>, Held<Reward>> rewards = new ConcurrentHashMap<>();
    private final Map<ServiceReference<?>, Held<Generator>> generators = new ConcurrentHashMap<>();

    private final Object changeSignal = new Object();
    private long changes;
    private boolean closed;

    /** A bound service, how it is listed, and how often it was reconfigured in place. */
    private record Held<T>(T service, ServiceReference<?> reference, PluginEntry entry, long revision) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
        updated = "updatedEncoder")
    void bindEncoder(Encoder encoder, ServiceReference<Encoder> ref) {
        String kind = encoder.modalities().stream().sorted().map(m -> m.name().toLowerCase()).collect(Collectors.joining("+"));
        hold(encoders, encoder, ref, PluginType.ENCODER, encoder.id(), kind.isEmpty() ? Modality.AUDIO.name().toLowerCase() : kind, encoder.fingerprint());
    }

    // a component reconfigured in place (@Modified) keeps its registration but may change its id, kind or
    // fingerprint: re-read them, or plugins() and status would list the old ones
    void updatedEncoder(Encoder encoder, ServiceReference<Encoder> ref) {
        bindEncoder(encoder, ref);
    }

    void unbindEncoder(ServiceReference<Encoder> ref) {
        release(encoders, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
        updated = "updatedReward")
    void bindReward(Reward reward, ServiceReference<Reward> ref) {
        hold(rewards, reward, ref, PluginType.REWARD, reward.id(), reward.kind().name(), "");
    }

    void updatedReward(Reward reward, ServiceReference<Reward> ref) {
        bindReward(reward, ref);
    }

    void unbindReward(ServiceReference<Reward> ref) {
        release(rewards, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
        updated = "updatedGenerator")
    void bindGenerator(Generator generator, ServiceReference<Generator> ref) {
        hold(generators, generator, ref, PluginType.GENERATOR, generator.id(), "generator", generator.fingerprint());
    }

    void updatedGenerator(Generator generator, ServiceReference<Generator> ref) {
        bindGenerator(generator, ref);
    }

    void unbindGenerator(ServiceReference<Generator> ref) {
        release(generators, ref);
    }

    @Override
    public List<PluginEntry> plugins() {
        return java.util.stream.Stream.of(encoders, rewards, generators)
            .flatMap(m -> m.values().stream()).map(Held::entry).sorted(ORDER).toList();
    }

    @Override
    public Optional<Encoder> encoder(String id) {
        return find(encoders, id, Encoder::id);
    }

    @Override
    public Optional<Reward> reward(String id) {
        return find(rewards, id, Reward::id);
    }

    @Override
    public Optional<Generator> generator(String id) {
        return find(generators, id, Generator::id);
    }

    private static <T> Optional<T> find(Map<ServiceReference<?>, Held<T>> held, String id, Function<T, String> idOf) {
        // ServiceReference's natural order ranks the preferred service highest (ranking, then lowest id)
        return held.values().stream().filter(h -> id.equals(idOf.apply(h.service())))
            .max((a, b) -> a.reference().compareTo(b.reference())).map(Held::service);
    }

    private <T> void hold(Map<ServiceReference<?>, Held<T>> held, T service, ServiceReference<?> ref, PluginType type,
                                 String id, String kind, String fingerprint) {
        Bundle bundle = ref.getBundle();
        long serviceId = (Long) ref.getProperty(org.osgi.framework.Constants.SERVICE_ID);
        PluginEntry entry = new PluginEntry(type, id, kind,
            bundle == null ? "?" : bundle.getVersion().toString(),
            bundle == null ? "?" : bundle.getSymbolicName(),
            bundle == null ? -1 : bundle.getBundleId(), fingerprint, serviceId);
        Held<T> previous = held.get(ref);
        long revision = previous == null ? 0 : previous.revision() + 1;
        Held<T> before = held.put(ref, new Held<>(service, ref, entry, revision));
        if (before == null) {
            LOG.info("bound {} '{}' ({}) from {} {}", type.name().toLowerCase(), id, kind, entry.bundle(), entry.version());
        } else if (!before.entry().equals(entry)) {
            LOG.info("updated {} '{}' ({}, was '{}') from {} {}", type.name().toLowerCase(), id, kind, before.entry().id(), entry.bundle(), entry.version());
        }
        signal();
    }

    private <T> void release(Map<ServiceReference<?>, Held<T>> held, ServiceReference<?> ref) {
        Held<T> h = held.remove(ref);
        if (h != null) {
            LOG.info("unbound {} '{}' from {} {}", h.entry().type().name().toLowerCase(), h.entry().id(), h.entry().bundle(), h.entry().version());
        }
        signal();
    }

    private void signal() {
        synchronized (changeSignal) {
            changes++;
            changeSignal.notifyAll();
        }
    }

    /** Wakes paused runs for good: the framework is stopping, nothing will come back. */
    @Deactivate
    void deactivate() {
        synchronized (changeSignal) {
            closed = true;
            changeSignal.notifyAll();
        }
    }

    @Override
    public Optional<RewardBinding> find(String id) {
        return rewards.values().stream().filter(h -> id.equals(h.service().id()))
            .max((a, b) -> a.reference().compareTo(b.reference()))
            .map(h -> new RewardBinding(id, h.service(), h.entry().bundle(), h.entry().version(), h.entry().serviceId(), h.revision()));
    }

    @Override
    public long changes() {
        synchronized (changeSignal) {
            return changes;
        }
    }

    @Override
    public boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (changeSignal) {
            while (changes == seen) {
                if (closed) throw new InterruptedException("the orchestrator stopped");
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(changeSignal, left);
            }
            return true;
        }
    }
}
