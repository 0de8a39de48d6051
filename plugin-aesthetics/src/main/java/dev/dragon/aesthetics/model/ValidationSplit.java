package dev.dragon.aesthetics.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded split of rated clips into a fitting part and a validation part of about {@value #VALIDATION_PERCENT}%.
 * When the clips carry prompt groups, whole groups go to one side (clips of one prompt are alike, so splitting a
 * group would leak); otherwise single clips are split.
 *
 * @param fit        indices of the fitting clips, ascending
 * @param validation indices of the validation clips, ascending
 */
public record ValidationSplit(int[] fit, int[] validation) {

    /** Share of the clips (or groups) held out for validation, in percent. */
    public static final int VALIDATION_PERCENT = 20;

    /**
     * @param groups each clip's group
     * @param seed   the seed of the shuffle
     * @return the split; both parts hold at least one clip
     * @throws IllegalArgumentException for fewer than 2 clips
     */
    public static ValidationSplit of(String[] groups, long seed) {
        int n = groups.length;
        if (n < 2) throw new IllegalArgumentException("a validation split needs at least 2 rated clips, got " + n);
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) byGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        List<List<Integer>> units = new ArrayList<>();
        if (byGroup.size() >= 2) {
            units.addAll(byGroup.values());
        } else {
            for (int i = 0; i < n; i++) units.add(List.of(i));
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = units.size() - 1; i > 0; i--) { // Fisher–Yates
            int j = random.nextInt(i + 1);
            List<Integer> t = units.get(i);
            units.set(i, units.get(j));
            units.set(j, t);
        }
        int held = Math.max(1, Math.min(units.size() - 1, Math.round(units.size() * VALIDATION_PERCENT / 100f)));
        boolean[] isValidation = new boolean[n];
        for (int u = 0; u < held; u++) for (int i : units.get(u)) isValidation[i] = true;
        int validationCount = 0;
        for (boolean v : isValidation) if (v) validationCount++;
        int[] fit = new int[n - validationCount], validation = new int[validationCount];
        for (int i = 0, f = 0, v = 0; i < n; i++) {
            if (isValidation[i]) validation[v++] = i;
            else fit[f++] = i;
        }
        return new ValidationSplit(fit, validation);
    }
}
