/**
 * The running framework's face: the {@link dev.dragon.runtime.Orchestrator} that holds every bound plugin, and
 * {@link dev.dragon.runtime.Subcommand}, the contract through which bundles add {@code dragon} subcommands, and
 * {@link dev.dragon.runtime.ProgressBar} (since 1.1), console progress any bundle can show.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.dragon.runtime;
