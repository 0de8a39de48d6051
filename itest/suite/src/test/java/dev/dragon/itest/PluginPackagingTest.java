package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The modularity rules, checked on the resolved framework: the core exports its API packages with versions, and a
 * plugin imports them by version range, from the core only — never anything from another plugin (shared
 * infrastructure bundles such as runtime/openblas are not plugins).
 */
@ExtendWith(BundleContextExtension.class)
class PluginPackagingTest {

    private static final List<String> API_PACKAGES = List.of("dev.dragon.api", "dev.dragon.io", "dev.dragon.runtime");

    @InjectBundleContext
    BundleContext context;

    @Test
    void coreExportsVersionedApiPackages() {
        Bundle core = bundle("framework-core");
        Map<String, Version> exported = new TreeMap<>();
        for (BundleCapability c : core.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            exported.put((String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE), (Version) c.getAttributes().get("version"));
        }
        for (String p : API_PACKAGES) {
            assertTrue(exported.containsKey(p), p + " exported: " + exported);
            assertTrue(exported.get(p).getMajor() >= 1, p + " carries a real version: " + exported.get(p));
        }
        assertFalse(exported.keySet().stream().anyMatch(p -> p.startsWith("dev.dragon.core")), "implementation packages stay private: " + exported);
    }

    @Test
    void pluginsImportTheApiByRangeFromTheCoreOnly() throws Exception {
        Bundle sample = context.installBundle("itest:packaging-sample", SamplePlugin.withVersion(context, "1.0.0"));
        try {
            sample.start();
            List<Bundle> plugins = new ArrayList<>();
            for (Bundle b : context.getBundles()) {
                String category = b.getHeaders().get("Bundle-Category");
                if (category != null && category.contains("dragon-plugin")) plugins.add(b);
            }
            assertTrue(plugins.contains(sample), "plugin bundles are recognisable by their category");
            for (Bundle plugin : plugins) {
                BundleWiring wiring = plugin.adapt(BundleWiring.class);
                for (BundleRequirement r : wiring.getRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
                    String filter = r.getDirectives().get("filter");
                    if (filter.contains("osgi.wiring.package=dev.dragon.")) {
                        assertTrue(filter.contains("(version>=") && filter.contains("(!(version>="),
                            plugin.getSymbolicName() + " imports the API by a bounded version range: " + filter);
                    }
                }
                for (BundleWire w : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                    Bundle provider = w.getProvider().getBundle();
                    String category = provider.getHeaders().get("Bundle-Category");
                    assertFalse(category != null && category.contains("dragon-plugin"),
                        plugin.getSymbolicName() + " must not depend on plugin " + provider.getSymbolicName());
                    String pkg = (String) w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                    // the API comes from the core; other dev.dragon packages (dev.dragon.linalg) may come from an
                    // infrastructure bundle, which the check above already keeps apart from plugins
                    if (API_PACKAGES.contains(pkg)) assertEquals("framework-core", provider.getSymbolicName(), pkg);
                }
            }
        } finally {
            sample.uninstall();
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) return b;
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
