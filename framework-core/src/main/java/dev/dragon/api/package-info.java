/**
 * The dragon service contracts: {@link dev.dragon.api.Encoder}, {@link dev.dragon.api.Reward} and
 * {@link dev.dragon.api.Generator}, and the value types they exchange.
 *
 * <p>Plugins implement the three contracts as OSGi services; the orchestrator binds them dynamically.
 * The contracts are {@code @ConsumerType}: implementers are safe across minor versions of this package,
 * which only ever adds default methods or new types.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.dragon.api;
