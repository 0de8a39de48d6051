package dev.dragon.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.BundleContext;

/** The sample reward plugin jar (built by the itest/sample-reward module), optionally re-stamped with another version. */
final class SamplePlugin {

    static final String PID = "dev.dragon.itest.sample.reward";
    static final String DEFAULT_ID = "sample-reward";

    private SamplePlugin() {
    }

    static Path jar(BundleContext context) {
        return Path.of(context.getProperty("dragon.itest.sampleJar"));
    }

    /** The jar with its Bundle-Version replaced, as a plugin author's next release would be. */
    static InputStream withVersion(BundleContext context, String version) throws IOException {
        return withVersion(jar(context), version);
    }

    /** Any plugin jar with its Bundle-Version replaced. */
    static InputStream withVersion(Path jar, String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
