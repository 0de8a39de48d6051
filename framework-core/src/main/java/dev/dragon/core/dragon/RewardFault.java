package dev.dragon.core.dragon;

/**
 * A reward failed during an iteration (threw, hung past its timeout, returned NaN/Inf or the wrong number of
 * scores) or is not available: the loop skips that iteration — or, for a reward that is not available, pauses and
 * redoes it — and logs this message, which names the reward and its bundle.
 */
public final class RewardFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String rewardId;
    private final transient RewardBinding binding;
    private final boolean unavailable;

    /**
     * @param rewardId the reward at fault
     * @param message  one line naming the reward and the fault
     * @param cause    what it threw, or null
     */
    public RewardFault(String rewardId, String message, Throwable cause) {
        this(rewardId, null, false, message, cause);
    }

    private RewardFault(String rewardId, RewardBinding binding, boolean unavailable, String message, Throwable cause) {
        super(message, cause);
        this.rewardId = rewardId;
        this.binding = binding;
        this.unavailable = unavailable;
    }

    /**
     * @param binding the reward service that failed
     * @param fault   what went wrong, e.g. {@code returned NaN for sample 3}
     * @param cause   what it threw, or null
     * @return a fault whose message reads {@code reward 'ID' (bundle version) FAULT}
     */
    public static RewardFault of(RewardBinding binding, String fault, Throwable cause) {
        return new RewardFault(binding.id(), binding, false, binding.describe() + " " + fault, cause);
    }

    /**
     * @param rewardId the reward that is not bound
     * @return a fault that pauses the run rather than costing an iteration
     */
    public static RewardFault unavailable(String rewardId) {
        return new RewardFault(rewardId, null, true, "reward '" + rewardId + "' is not available", null);
    }

    /** @return the reward at fault */
    public String rewardId() {
        return rewardId;
    }

    /** @return the service that failed, or null when the fault is not one service's (unavailable, a kind mismatch) */
    public RewardBinding binding() {
        return binding;
    }

    /** @return true when the reward is not bound at all (the run pauses and redoes the iteration) */
    public boolean unavailable() {
        return unavailable;
    }
}
