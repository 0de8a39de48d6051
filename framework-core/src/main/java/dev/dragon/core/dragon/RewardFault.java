package dev.dragon.core.dragon;

/**
 * A reward failed during an iteration (threw, returned NaN/Inf or the wrong number of scores, or is not available):
 * the loop skips that iteration and logs this message, which names the reward.
 */
public final class RewardFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String rewardId;

    /**
     * @param rewardId the reward at fault
     * @param message  one line naming the reward and the fault
     * @param cause    what it threw, or null
     */
    public RewardFault(String rewardId, String message, Throwable cause) {
        super(message, cause);
        this.rewardId = rewardId;
    }

    /** @return the reward at fault */
    public String rewardId() {
        return rewardId;
    }
}
