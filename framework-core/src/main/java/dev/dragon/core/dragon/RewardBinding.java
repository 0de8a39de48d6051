package dev.dragon.core.dragon;

import dev.dragon.api.Reward;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A reward service as the loop used it: the service object and where it came from. Recorded per iteration in the
 * metrics, so a run shows which version of a plugin scored which iteration; compared after repeated faults to tell
 * a replacement (a new service, or the same one reconfigured) from the faulty service still being there.
 *
 * @param id        the reward id
 * @param reward    the service object
 * @param bundle    the providing bundle's symbolic name (outside OSGi: the implementing class)
 * @param version   the providing bundle's version (outside OSGi: empty)
 * @param serviceId the OSGi service id (−1 outside OSGi)
 * @param revision  how many times this service registration was reconfigured in place (0 when never)
 */
public record RewardBinding(String id, Reward reward, String bundle, String version, long serviceId, long revision) {

    /**
     * A binding for a reward that is not an OSGi service (tests, tools): named by its class.
     *
     * @param id     the reward id
     * @param reward the reward
     * @return the binding
     */
    public static RewardBinding of(String id, Reward reward) {
        return new RewardBinding(id, reward, reward.getClass().getName(), "", -1, 0);
    }

    /** @return the provider as one short token: {@code bundle version #service[.revision]} */
    public String label() {
        StringBuilder s = new StringBuilder(bundle);
        if (!version.isEmpty()) s.append(' ').append(version);
        if (serviceId >= 0) s.append(" #").append(serviceId);
        if (revision > 0) s.append('.').append(revision);
        return s.toString();
    }

    /** @return how the fault messages name the plugin: {@code reward 'ID' (bundle version)} */
    public String describe() {
        return "reward '" + id + "' (" + bundle + (version.isEmpty() ? "" : " " + version) + ")";
    }

    /**
     * @param other another binding
     * @return true when both are the same service object in the same configuration (nothing was replaced)
     */
    public boolean sameService(RewardBinding other) {
        return other != null && reward == other.reward && serviceId == other.serviceId && revision == other.revision;
    }

    /** @return the provider as JSON, for {@code metrics.jsonl} */
    public JsonObject toJson() {
        return Json.createObjectBuilder().add("bundle", bundle).add("version", version).add("service", serviceId)
            .add("revision", revision).build();
    }
}
