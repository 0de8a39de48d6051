package dev.dragon.core.cli;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The numbers behind {@code dragon suite} (PID {@value SuiteCommand#PID}), set in the profile's folder
 * ({@code launcher/profiles/demo/dev.dragon.suite.cfg}). The rewards themselves are the keys {@code reward.NN}
 * of the same configuration, one line each ({@link dev.dragon.core.suite.SuiteReward}); no attribute here may
 * start with {@code reward.}. Relative paths are relative to the dragon home.
 */
@ObjectClassDefinition(name = "dragon suite", description = "one DRAGON run per reward of a suite, from the same base model")
@interface SuiteConfiguration {

    @AttributeDefinition(description = "generator id")
    String generator() default "builtin-music";

    @AttributeDefinition(description = "corpus folder (made with the 'corpus' command when missing); exemplar sets and prompts come from it")
    String corpus_dir() default "run/demo/corpus";

    @AttributeDefinition(description = "clips in the corpus, when it has to be made")
    int corpus_clips() default 300;

    @AttributeDefinition(description = "held-out clips in the corpus (their captions are the evaluation prompts)")
    int corpus_heldout() default 64;

    @AttributeDefinition(description = "corpus seed")
    long corpus_seed() default 1;

    @AttributeDefinition(description = "at most this many clips in an exemplar set")
    int exemplar_max() default 200;

    @AttributeDefinition(description = "DRAGON iterations per reward")
    int iterations() default 12;

    @AttributeDefinition(description = "prompts per iteration")
    int batch() default 8;

    @AttributeDefinition(description = "preference updates per iteration on its batch (fresh timesteps and noise each)")
    int updates() default 1;

    @AttributeDefinition(description = "dpo or kto")
    String loss() default "dpo";

    @AttributeDefinition(description = "the loss's beta")
    double beta() default 2000;

    @AttributeDefinition(description = "learning rate")
    double lr() default 1e-4;

    @AttributeDefinition(description = "auto (paired for per-example rewards, set for set rewards), paired, unpaired or set")
    String pairing() default "auto";

    @AttributeDefinition(description = "sampler steps of the on-policy demonstrations")
    int demo_steps() default 10;

    @AttributeDefinition(description = "sampler steps of the evaluation")
    int eval_steps() default 20;

    @AttributeDefinition(description = "classifier-free guidance scale")
    double guidance() default 1;

    @AttributeDefinition(description = "which checkpoint is evaluated: final, or best (the best mean on-policy score over its last iterations)")
    String select() default "final";

    @AttributeDefinition(description = "checkpoint every this many iterations")
    int checkpoint_every() default 6;

    @AttributeDefinition(description = "run seed (the same for every reward: the same prompts and noise)")
    long seed() default 1;

    @AttributeDefinition(description = "held-out prompts to evaluate on")
    int eval_prompts() default 64;

    @AttributeDefinition(description = "base/fine-tuned pairs kept as WAV files per reward")
    int eval_audio() default 4;

    @AttributeDefinition(description = "bootstrap resamples for set rewards in the evaluation")
    int bootstrap() default 20;

    @AttributeDefinition(description = "where suite folders go")
    String runs_dir() default "runs";

    @AttributeDefinition(description = "seconds to wait for a configured reward to appear")
    int wait_seconds() default 60;
}
