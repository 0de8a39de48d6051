/**
 * The running framework's face: the {@link dev.dragon.runtime.Orchestrator} that holds every bound plugin, and
 * {@link dev.dragon.runtime.Subcommand}, the contract through which bundles add {@code dragon} subcommands.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.dragon.runtime;
