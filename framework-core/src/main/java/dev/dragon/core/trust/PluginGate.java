package dev.dragon.core.trust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps untrusted bundles from the watched plugin folders from ever running. As an OSGi resolver hook it keeps
 * them out of every resolution (see {@link #begin}), so they stay INSTALLED: no class loads, no activator runs, no
 * component activates. As a synchronous bundle listener it hashes each jar when the bundle is installed or updated, logs one
 * line per refused file and hash, and raises a refused bundle's start level out of reach, so that FileInstall
 * (which only starts bundles whose start level has been reached) does not try and fail to start it every scan.
 *
 * <p>Until the first trust configuration — or its absence — is known (the {@link TrustSettings} component), plugin
 * bundles are held back without a message; they are judged and, when admitted, started as soon as it is. Bundles
 * whose location is outside the watched folders (the profile's own bundles) are never judged.
 */
final class PluginGate implements ResolverHookFactory, SynchronousBundleListener {

    /** Service property marking the gate's registration. */
    static final String MARKER = "dragon.trust";
    /** Service property: the one-line refusals of the bundles refused now. */
    static final String REFUSED = "dragon.trust.refused";
    /** Service property: every refusal line logged since start, in order. */
    static final String LOGGED = "dragon.trust.logged";
    /** Service property: {@code any}, {@code allowlist}, or {@code pending} before the configuration is known. */
    static final String MODE = "dragon.trust.mode";
    /** Service property: the allowed hashes of the policy in force, sorted. */
    static final String ALLOWED = "dragon.trust.allowed";

    private static final Logger LOG = LoggerFactory.getLogger(PluginGate.class);
    /** A start level no framework reaches: FileInstall leaves such a bundle alone instead of failing to start it. */
    static final int HELD_START_LEVEL = Integer.MAX_VALUE;

    private final BundleContext context;
    private final PluginFolders folders;
    private final Path home;
    private final boolean startAdmitted;
    private final Map<Long, Assessment> assessed = new ConcurrentHashMap<>();
    private final Map<Long, Integer> heldFrom = new ConcurrentHashMap<>();
    private final Set<String> loggedKeys = ConcurrentHashMap.newKeySet();
    private final List<String> loggedLines = new CopyOnWriteArrayList<>();
    // starts admitted bundles off the configuring thread (SCR's), so that their components do not activate inside ours
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dragon-trust");
        t.setDaemon(true);
        return t;
    });
    private volatile TrustPolicy policy;
    private volatile ServiceRegistration<?> registration;

    PluginGate(BundleContext context, PluginFolders folders, Path home, boolean startAdmitted) {
        this.context = context;
        this.folders = folders;
        this.home = home;
        this.startAdmitted = startAdmitted;
    }

    void registered(ServiceRegistration<?> registration) {
        this.registration = registration;
        publish();
    }

    /** Judges bundles of the watched folders installed before the gate existed (none when it starts first, as it should). */
    void adoptInstalled() {
        for (Bundle b : context.getBundles()) {
            Optional<Path> file = folders.fileOf(b.getLocation());
            if (file.isEmpty() || b.getState() == Bundle.UNINSTALLED) continue;
            assessed.computeIfAbsent(b.getBundleId(), id -> Assessment.of(file.get()));
            if (b.getState() != Bundle.INSTALLED) {
                LOG.warn("plugin {} was resolved before the trust policy was in place (framework-core must start before FileInstall)",
                    PluginFolders.display(file.get(), home));
            } else {
                hold(b);
            }
        }
    }

    /** Applies a new policy: every plugin bundle not yet resolved is judged again; bundles already running stay. */
    synchronized void configure(TrustPolicy next) {
        boolean first = policy == null;
        policy = next;
        if (next.problem() != null) LOG.error("trust configuration of profile '{}': {}; every plugin is refused until it is fixed", next.profile(), next.problem());
        else if (first || next.mode() == TrustMode.ALLOWLIST) LOG.debug("trust: profile '{}' admits {}", next.profile(), next.mode() == TrustMode.ANY ? "any plugin" : next.allowed().size() + " allowlisted plugin(s)");
        List<Bundle> admitted = new ArrayList<>();
        for (Map.Entry<Long, Assessment> e : assessed.entrySet()) {
            Bundle b = context.getBundle(e.getKey());
            if (b == null || b.getState() != Bundle.INSTALLED) continue;
            Optional<String> refusal = next.refusal(e.getValue());
            if (refusal.isPresent()) {
                hold(b);
                report(e.getValue(), refusal.get());
            } else if (release(b)) {
                admitted.add(b);
            }
        }
        publish();
        if (startAdmitted && !admitted.isEmpty()) starter.execute(() -> admitted.forEach(this::start));
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                Optional<Path> file = folders.fileOf(b.getLocation());
                if (file.isEmpty() && event.getType() == BundleEvent.INSTALLED) return;
                Assessment assessment = file.isPresent() ? Assessment.of(file.get()) : Assessment.replacedProfileBundle(b.getSymbolicName());
                assessed.put(b.getBundleId(), assessment);
                judgeNew(b, assessment);
            }
            case BundleEvent.UNINSTALLED -> {
                heldFrom.remove(b.getBundleId());
                Assessment gone = assessed.remove(b.getBundleId());
                if (gone != null) {
                    // the same jar dropped again is a new event worth its line
                    loggedKeys.removeIf(k -> k.startsWith(key(gone) + "@"));
                    publish();
                }
            }
            default -> {
                // resolution and start events change nothing the gate decides
            }
        }
    }

    private synchronized void judgeNew(Bundle b, Assessment assessment) {
        TrustPolicy current = policy;
        if (current == null) {
            hold(b); // judged when the configuration arrives
            return;
        }
        Optional<String> refusal = current.refusal(assessment);
        if (refusal.isPresent()) {
            hold(b);
            report(assessment, refusal.get());
            publish();
        } else {
            release(b); // an update may turn a refused bundle into an admitted one; FileInstall starts it next
        }
    }

    /**
     * The current verdict for a bundle: a profile bundle is admitted unless it was replaced at runtime; a bundle from
     * a watched folder when the policy admits it.
     */
    boolean admits(Bundle b) {
        Optional<Path> file = folders.fileOf(b.getLocation());
        Assessment assessment = assessed.get(b.getBundleId());
        if (file.isEmpty() && assessment == null) return true;
        TrustPolicy current = policy;
        if (current == null) return false;
        if (assessment == null) assessment = assessed.computeIfAbsent(b.getBundleId(), id -> Assessment.of(file.get()));
        return current.refusal(assessment).isEmpty();
    }

    /** The bundles refused now, each as its one-line message. */
    List<String> refusedNow() {
        TrustPolicy current = policy;
        List<String> lines = new ArrayList<>();
        if (current == null) return lines;
        assessed.forEach((id, a) -> {
            Bundle b = context.getBundle(id);
            if (b == null || b.getState() != Bundle.INSTALLED) return;
            current.refusal(a).ifPresent(reason -> lines.add(line(a, reason)));
        });
        lines.sort(null);
        return lines;
    }

    String mode() {
        TrustPolicy current = policy;
        return current == null ? "pending" : current.mode().name().toLowerCase();
    }

    void close() {
        starter.shutdownNow();
        try {
            starter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One resolve operation. Felix 7.0.5 (checked against its {@code StatefulResolver}) turns a shrunk
     * {@code filterResolvable} collection into a whitelist that every provider must be on — and the collection holds only
     * unresolved revisions, so removing any revision there also hides every resolved bundle's exports and the whole
     * operation fails. Hence refused revisions are removed there only when the operation is about them alone (every
     * trigger refused: a start or resolve of a refused bundle fails); otherwise {@code filterMatches} does the work:
     * a refused revision's requirements match nothing, so it cannot resolve, and its capabilities are offered to no
     * one, so nothing can be wired to it.
     */
    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        Map<Bundle, Boolean> verdicts = new HashMap<>();
        java.util.function.Predicate<BundleRevision> admitted = r -> r == null || verdicts.computeIfAbsent(r.getBundle(), this::admits);
        boolean onlyRefusedTriggers = !triggers.isEmpty() && triggers.stream().noneMatch(admitted);
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                if (onlyRefusedTriggers) candidates.removeIf(admitted.negate());
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
                // singletons are the framework's business
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                if (!admitted.test(requirement.getRevision())) {
                    candidates.clear();
                } else {
                    candidates.removeIf(c -> !admitted.test(c.getRevision()));
                }
            }

            @Override
            public void end() {
                // nothing held beyond the operation
            }
        };
    }

    private String line(Assessment a, String reason) {
        if (a.file() == null) return "refused update of " + a.replaced() + ": " + reason;
        return "refused plugin " + PluginFolders.display(a.file(), home) + ": " + reason;
    }

    /** One bundle content: the file (or replaced bundle) and its hash (or why there is none). */
    private static String key(Assessment a) {
        return (a.file() == null ? a.replaced() : a.file()) + "@" + (a.sha256() == null ? a.problem() : a.sha256());
    }

    /** Logs a refusal once per bundle content and reason while the bundle is installed, not on every scan. */
    private void report(Assessment a, String reason) {
        if (!loggedKeys.add(key(a) + "@" + reason)) return;
        String line = line(a, reason);
        loggedLines.add(line);
        LOG.warn(line);
    }

    private void hold(Bundle b) {
        try {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level != null && level.getStartLevel() != HELD_START_LEVEL) {
                heldFrom.putIfAbsent(b.getBundleId(), level.getStartLevel());
                level.setStartLevel(HELD_START_LEVEL);
            }
        } catch (IllegalStateException | IllegalArgumentException | SecurityException gone) {
            // uninstalled meanwhile: nothing left to hold
        }
    }

    /** Restores the start level a held bundle had; true when it was held. */
    private boolean release(Bundle b) {
        Integer before = heldFrom.remove(b.getBundleId());
        if (before == null) return false;
        try {
            b.adapt(BundleStartLevel.class).setStartLevel(before);
            return true;
        } catch (IllegalStateException | IllegalArgumentException | SecurityException gone) {
            return false;
        }
    }

    /** Starts an admitted bundle the way FileInstall would have (persistently, honouring its activation policy). */
    private void start(Bundle b) {
        if (b.getState() != Bundle.INSTALLED && b.getState() != Bundle.RESOLVED) return;
        try {
            b.start(Bundle.START_ACTIVATION_POLICY);
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("plugin {} is admitted but could not be started: {}", b.getLocation(), e.getMessage());
        }
    }

    private synchronized void publish() {
        ServiceRegistration<?> r = registration;
        if (r == null) return;
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(MARKER, "true");
        props.put(MODE, mode());
        TrustPolicy current = policy;
        props.put(ALLOWED, current == null ? new String[0] : current.allowed().stream().sorted().toArray(String[]::new));
        props.put(REFUSED, refusedNow().toArray(String[]::new));
        props.put(LOGGED, loggedLines.toArray(String[]::new));
        try {
            r.setProperties(props);
        } catch (IllegalStateException unregistered) {
            // the framework is stopping
        }
    }
}
