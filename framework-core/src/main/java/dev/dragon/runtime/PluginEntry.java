package dev.dragon.runtime;

/**
 * One plugin service the orchestrator holds, as {@code dragon plugins} and {@code dragon status} show it.
 *
 * @param type          which contract
 * @param id            the service's own id
 * @param kind          for rewards their {@link dev.dragon.api.RewardKind}; for encoders their modalities
 *                      (e.g. {@code audio+text}); for generators {@code generator}
 * @param version       the providing bundle's version
 * @param bundle        the providing bundle's symbolic name
 * @param bundleId      the providing bundle's id in this framework
 * @param fingerprint   the encoder's or generator's fingerprint; empty for rewards
 * @param serviceId     the OSGi service id (changes when the service is re-registered)
 */
public record PluginEntry(PluginType type, String id, String kind, String version, String bundle, long bundleId,
                          String fingerprint, long serviceId) {
}
