package dev.dragon.aesthetics.model;

/**
 * How well predictions follow ratings on one set of rated clips.
 *
 * @param items     the number of clips
 * @param plcc      Pearson's r of predictions and ratings over all clips (NaN when either is constant)
 * @param srcc      Spearman's ρ over all clips (NaN when either is constant)
 * @param perPrompt mean Spearman's ρ within prompt groups (all clips form one group when no prompt was given)
 */
public record Evaluation(int items, double plcc, double srcc, Correlations.GroupedSpearman perPrompt) {

    /**
     * @param predicted the predicted ratings
     * @param rated     the ratings
     * @param groups    each clip's prompt group
     * @return the measures
     */
    public static Evaluation of(double[] predicted, double[] rated, String[] groups) {
        return new Evaluation(rated.length, Correlations.pearson(predicted, rated), Correlations.spearman(predicted, rated),
            Correlations.groupedSpearman(predicted, rated, groups));
    }
}
