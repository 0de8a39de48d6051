package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import dev.dragon.api.Generation;
import dev.dragon.api.Prompt;
import dev.dragon.runtime.Orchestrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The plugin allowlist (PID {@code dev.dragon.trust}) in a running framework, through the folder FileInstall watches:
 * an unlisted jar stays INSTALLED — never resolved, its reward never registered — with exactly one refusal line, while
 * a listed jar (its SHA-256 computed here) starts and its reward scores; adding the unlisted jar's hash to the list
 * starts it too; in mode {@code any} every jar starts.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class TrustAllowlistTest {

    private static final long TIMEOUT_MILLIS = 30_000;
    private static final String PID = "dev.dragon.trust";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30000)
    Orchestrator orchestrator;

    @InjectService(timeout = 30000)
    ConfigurationAdmin configurationAdmin;

    private final List<Path> dropped = new ArrayList<>();

    @AfterEach
    void restoreModeAny() throws Exception {
        for (Path p : dropped) Files.deleteIfExists(p);
        for (Path p : dropped) {
            Await.until("removed jar uninstalled", TIMEOUT_MILLIS, () -> bundleAt(p).isEmpty(), () -> p.toString());
        }
        Configuration c = configurationAdmin.getConfiguration(PID, "?");
        c.delete();
        Await.until("trust back to mode any", TIMEOUT_MILLIS, () -> "any".equals(gateProperty("dragon.trust.mode")), () -> String.valueOf(gateProperty("dragon.trust.mode")));
    }

    @Test
    void unlistedJarIsNeverStartedAndNamedOnceWhileListedJarRuns() throws Exception {
        byte[] unlisted = SamplePlugin.withVersion(context, "7.0.0").readAllBytes();
        byte[] listed = SamplePlugin.withVersion(context, "8.0.0").readAllBytes();
        String unlistedHash = sha256(unlisted);
        String listedHash = sha256(listed);
        configure("allowlist", listedHash);

        List<BundleEvent> bundleEvents = new CopyOnWriteArrayList<>();
        List<ServiceEvent> serviceEvents = new CopyOnWriteArrayList<>();
        BundleListener bundles = bundleEvents::add;
        ServiceListener services = serviceEvents::add;
        context.addBundleListener(bundles);
        context.addServiceListener(services);
        try {
            Path unlistedJar = drop("trust-unlisted.jar", unlisted);
            Await.until("unlisted jar installed and refused", TIMEOUT_MILLIS,
                () -> bundleAt(unlistedJar).isPresent() && loggedLinesNaming("trust-unlisted.jar").size() == 1, this::gateState);
            Path listedJar = drop("trust-listed.jar", listed);
            Await.until("listed jar's reward held", TIMEOUT_MILLIS,
                () -> orchestrator.plugins().stream().anyMatch(p -> p.id().equals(SamplePlugin.DEFAULT_ID) && p.version().equals("8.0.0")), this::gateState);

            Bundle refused = bundleAt(unlistedJar).orElseThrow();
            Bundle admitted = bundleAt(listedJar).orElseThrow();
            assertEquals(Bundle.ACTIVE, admitted.getState());
            assertEquals(Bundle.INSTALLED, refused.getState(), "never RESOLVED, let alone ACTIVE");
            assertFalse(context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(refused)),
                "the resolver refuses it even when asked directly");
            assertEquals(Bundle.INSTALLED, refused.getState());
            assertEquals(List.of(BundleEvent.INSTALLED), eventTypesOf(bundleEvents, refused), "no RESOLVED, STARTING or STARTED event");
            assertTrue(serviceEvents.stream().noneMatch(e -> e.getServiceReference().getBundle() != null
                && e.getServiceReference().getBundle().getBundleId() == refused.getBundleId()), "no service of the refused bundle ever appeared");
            assertEquals(1, orchestrator.plugins().stream().filter(p -> p.id().equals(SamplePlugin.DEFAULT_ID)).count(), "only the listed version's reward");
            assertArrayEquals(new double[] {0.5}, orchestrator.reward(SamplePlugin.DEFAULT_ID).orElseThrow().scoreEach(List.of(halfSecond())), 1e-12);

            // the one line users see, as logged, naming the file and its hash
            assertEquals(List.of("refused plugin " + unlistedJar.toAbsolutePath().normalize() + ": SHA-256 " + unlistedHash
                + " is not on the allowlist of profile 'default'"), loggedLinesNaming("trust-unlisted.jar"));
            assertTrue(loggedLinesNaming("trust-listed.jar").isEmpty());
            assertEquals(List.of("refused plugin " + unlistedJar.toAbsolutePath().normalize() + ": SHA-256 " + unlistedHash
                + " is not on the allowlist of profile 'default'"), Arrays.asList((String[]) gateProperty("dragon.trust.refused")));

            // listing it later re-evaluates the refused bundle: it starts without being dropped again
            configure("allowlist", listedHash + ", " + unlistedHash);
            Await.until("refused bundle started once listed", TIMEOUT_MILLIS, () -> refused.getState() == Bundle.ACTIVE, this::gateState);
            assertEquals(0, ((String[]) gateProperty("dragon.trust.refused")).length);
            assertEquals(1, loggedLinesNaming("trust-unlisted.jar").size(), "still the one line");
        } finally {
            context.removeBundleListener(bundles);
            context.removeServiceListener(services);
        }
    }

    @Test
    void modeAnyStartsEveryJar() throws Exception {
        configure("any", "");
        Path jar = drop("trust-any.jar", SamplePlugin.withVersion(context, "9.0.0").readAllBytes());
        Await.until("jar started in mode any", TIMEOUT_MILLIS,
            () -> bundleAt(jar).map(b -> b.getState() == Bundle.ACTIVE).orElse(false)
                && orchestrator.plugins().stream().anyMatch(p -> p.version().equals("9.0.0")), this::gateState);
        assertTrue(loggedLinesNaming("trust-any.jar").isEmpty());
    }

    private void configure(String mode, String allow) throws Exception {
        Configuration c = configurationAdmin.getConfiguration(PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("mode", mode);
        props.put("allow", allow);
        c.update(props);
        // the gate applies configuration asynchronously (ConfigAdmin, then SCR): wait until it publishes this one
        List<String> hashes = allow.isBlank() ? List.of() : Arrays.stream(allow.split("[,\\s]+")).sorted().toList();
        Await.until("trust configured: " + mode + " " + hashes, TIMEOUT_MILLIS, () -> mode.equals(gateProperty("dragon.trust.mode"))
            && hashes.equals(Arrays.asList((String[]) gateProperty("dragon.trust.allowed"))), this::gateState);
    }

    private Path drop(String name, byte[] jar) throws Exception {
        Path watched = Path.of(context.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(watched);
        Path target = watched.resolve(name);
        Path partial = watched.resolve(name + ".part");
        Files.write(partial, jar);
        dropped.add(target);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private Optional<Bundle> bundleAt(Path jar) {
        // FileInstall's location: File.toURI ("file:/…"), not Path.toUri ("file:///…")
        String location = jar.toAbsolutePath().normalize().toFile().toURI().normalize().toString();
        return Arrays.stream(context.getBundles()).filter(b -> b.getLocation().equals(location)).findFirst();
    }

    private Object gateProperty(String key) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(dragon.trust=true)");
            return refs == null ? null : refs[0].getProperty(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> loggedLinesNaming(String file) {
        Object logged = gateProperty("dragon.trust.logged");
        return logged == null ? List.of() : Arrays.stream((String[]) logged).filter(l -> l.contains("/" + file + ":")).toList();
    }

    private String gateState() {
        Object refused = gateProperty("dragon.trust.refused");
        Object logged = gateProperty("dragon.trust.logged");
        return "mode=" + gateProperty("dragon.trust.mode") + " refused=" + (refused == null ? "-" : Arrays.toString((String[]) refused))
            + " logged=" + (logged == null ? "-" : Arrays.toString((String[]) logged)) + " plugins=" + orchestrator.plugins()
            + " watched bundles=" + Arrays.stream(context.getBundles()).filter(b -> b.getLocation().contains("/watched/"))
                .map(b -> b.getLocation() + " state " + b.getState()).toList();
    }

    private static List<Integer> eventTypesOf(List<BundleEvent> events, Bundle b) {
        return events.stream().filter(e -> e.getBundle().getBundleId() == b.getBundleId()).map(BundleEvent::getType).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Generation halfSecond() {
        return new Generation(new Prompt("p", "test"), 0, AudioClip.mono(16000, new float[8000]), null, "test");
    }
}
