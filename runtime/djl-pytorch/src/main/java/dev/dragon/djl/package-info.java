/**
 * The one way plugins reach DJL's PyTorch engine inside the framework: {@link dev.dragon.djl.Djl#pytorch()}
 * initialises the engine once per JVM, with the thread context class loader set to this bundle's loader (DJL finds
 * its engines and native files through it), offline, and with its caches under {@code <dragon.home>/run/djl}.
 * After that, plugins use the exported {@code ai.djl.*} packages directly.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.dragon.djl;
