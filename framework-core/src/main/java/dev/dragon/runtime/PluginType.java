package dev.dragon.runtime;

/** The three service contracts a plugin can provide. */
public enum PluginType {
    /** A {@link dev.dragon.api.Encoder}. */
    ENCODER,
    /** A {@link dev.dragon.api.Reward}. */
    REWARD,
    /** A {@link dev.dragon.api.Generator}. */
    GENERATOR
}
