package dev.dragon.core.trust;

import java.nio.file.Path;
import java.util.Hashtable;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;

/**
 * Registers the {@link PluginGate} when framework-core starts. This is the one activator of the project, on purpose:
 * the gate must be in place before FileInstall's first scan installs and starts what lies in {@code plugins/}, and
 * FileInstall starts before SCR, so a Declarative Services component would come too late. framework-core starts
 * before FileInstall because the launcher starts bundles in the order of {@code -runbundles}, sorted by name.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
// tells the resolver that the TrustSettings component's reference to the gate is satisfied (bnd cannot see this registration)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=dev.dragon.core.trust.PluginGate")
public class TrustActivator implements BundleActivator {

    private PluginGate gate;
    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        String home = context.getProperty("dragon.home");
        gate = new PluginGate(context, PluginFolders.fromProperty(context.getProperty("felix.fileinstall.dir")),
            home == null ? null : Path.of(home).toAbsolutePath().normalize(),
            !"false".equalsIgnoreCase(String.valueOf(context.getProperty("felix.fileinstall.bundles.new.start"))));
        context.addBundleListener(gate);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PluginGate.MARKER, "true");
        registration = context.registerService(new String[] {ResolverHookFactory.class.getName(), PluginGate.class.getName()}, gate, props);
        gate.registered(registration);
        gate.adoptInstalled();
    }

    @Override
    public void stop(BundleContext context) {
        context.removeBundleListener(gate);
        registration.unregister();
        gate.close();
    }
}
