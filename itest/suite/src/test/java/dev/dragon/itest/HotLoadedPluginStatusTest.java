package dev.dragon.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.runtime.Subcommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * What an operator does: with {@code serve} running, drop a plugin jar into the watched folder, see it in
 * {@code status}, delete it, see it gone; the framework stays up throughout. The latency is printed, not asserted: a
 * timed test fails on a loaded machine, so the 2-s acceptance is measured by {@code bench/hot-load.sh}.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HotLoadedPluginStatusTest {

    /** How long to wait for a change to show before calling it lost (a correctness bound, not a speed one). */
    private static final long PICKUP_TIMEOUT_MILLIS = 30_000;

    @InjectBundleContext
    BundleContext context;

    @Test
    void droppedJarAppearsInStatusAndDeletedJarDisappears(
            @InjectService(filter = "(dragon.command=serve)", timeout = 30000) Subcommand serve,
            @InjectService(filter = "(dragon.command=status)", timeout = 30000) Subcommand status) throws Exception {
        Path socket = Path.of(context.getProperty("dragon.status.socket"));
        Thread server = new Thread(() -> {
            try {
                serve.run(List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-serve");
        server.setDaemon(true); // ends with the framework
        server.start();
        // the socket file appears at bind, a moment before the server listens (and a stale one may be left by a killed
        // run): wait for an answer, not for the file
        Await.until("status socket answers", 30_000, () -> Files.exists(socket) && answers(status), () -> "no answer at " + socket);

        Path watched = Path.of(context.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(watched);
        Path dropped = watched.resolve("sample-reward.jar");
        Path partial = watched.resolve("sample-reward.jar.part");
        try {
            Files.copy(SamplePlugin.jar(context), partial, StandardCopyOption.REPLACE_EXISTING);
            long start = System.nanoTime();
            Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
            Await.until("dropped plugin active and in status", PICKUP_TIMEOUT_MILLIS, () -> statusLists(status, SamplePlugin.DEFAULT_ID), () -> query(status));

            System.out.printf("dropped plugin in status after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            JsonObject doc = parse(query(status));
            assertEquals("serving", doc.getString("state"));
            JsonObject entry = doc.getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(SamplePlugin.DEFAULT_ID)).findFirst().orElseThrow();
            assertEquals("reward", entry.getString("type"));
            assertEquals("dev.dragon.itest.sample-reward", entry.getString("bundle"));
            Bundle installed = context.getBundle(entry.getJsonNumber("bundleId").longValue());
            assertEquals(Bundle.ACTIVE, installed.getState());
        } finally {
            Files.deleteIfExists(dropped);
        }
        Await.until("deleted plugin gone from status", PICKUP_TIMEOUT_MILLIS, () -> !statusLists(status, SamplePlugin.DEFAULT_ID), () -> query(status));
        assertTrue(statusLists(status, "trivial-loudness"), "built-in reward still held");
        assertEquals(Bundle.ACTIVE, context.getBundle(0).getState(), "the framework stays up");
    }

    private static boolean statusLists(Subcommand status, String id) {
        return parse(query(status)).getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
            .anyMatch(p -> p.getString("id").equals(id));
    }

    private static boolean answers(Subcommand status) {
        try {
            query(status);
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private static String query(Subcommand status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            status.run(List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject parse(String json) {
        JsonValue v = Json.createReader(new StringReader(json)).readValue();
        return v.asJsonObject();
    }
}
