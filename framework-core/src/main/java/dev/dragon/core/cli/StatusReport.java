package dev.dragon.core.cli;

import dev.dragon.core.run.StatusBoard;
import dev.dragon.runtime.Orchestrator;
import dev.dragon.runtime.PluginEntry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The JSON document {@code dragon status} prints: the process, the profile, every plugin held, the plugin jars the
 * trust policy refuses, and the DRAGON runs in progress.
 */
final class StatusReport {

    private StatusReport() {
    }

    static JsonObject build(BundleContext context, Orchestrator orchestrator, String state) {
        JsonArrayBuilder plugins = Json.createArrayBuilder();
        for (PluginEntry p : orchestrator.plugins()) {
            plugins.add(Json.createObjectBuilder()
                .add("type", p.type().name().toLowerCase())
                .add("id", p.id())
                .add("kind", p.kind())
                .add("version", p.version())
                .add("bundle", p.bundle())
                .add("bundleId", p.bundleId())
                .add("fingerprint", p.fingerprint()));
        }
        JsonObjectBuilder doc = Json.createObjectBuilder()
            .add("state", state)
            .add("pid", ProcessHandle.current().pid())
            .add("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
            .add("home", DragonHome.of(context).toString())
            .add("profile", String.valueOf(context.getProperty("dragon.profile")))
            .add("watched", String.valueOf(context.getProperty("felix.fileinstall.dir")))
            .add("plugins", plugins)
            .add("refused", refusedPlugins(context))
            .add("runs", new StatusBoard(DragonHome.of(context)).live());
        JsonObject built = doc.build();
        // "run": the first run in progress (null when none), kept for readers of the original single-run field
        var runs = built.getJsonArray("runs");
        return Json.createObjectBuilder(built).add("run", runs.isEmpty() ? jakarta.json.JsonValue.NULL : runs.get(0)).build();
    }

    /** The plugin jars the trust policy refuses now, each as its one-line reason (the trust gate publishes them). */
    private static JsonArrayBuilder refusedPlugins(BundleContext context) {
        JsonArrayBuilder refused = Json.createArrayBuilder();
        try {
            ServiceReference<?>[] gates = context.getServiceReferences((String) null, "(dragon.trust=true)");
            if (gates != null && gates[0].getProperty("dragon.trust.refused") instanceof String[] lines) {
                for (String line : lines) refused.add(line);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter", e);
        }
        return refused;
    }

    static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(json);
        return out.toString().strip() + "\n";
    }
}
