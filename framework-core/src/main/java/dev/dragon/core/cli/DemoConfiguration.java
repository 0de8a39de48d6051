package dev.dragon.core.cli;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The numbers behind {@code dragon demo} (PID {@value DemoCommand#PID}): set them in the profile's folder
 * ({@code launcher/profiles/demo/dev.dragon.demo.cfg}) to tune the demo without touching code. Relative paths are
 * relative to the dragon home.
 */
@ObjectClassDefinition(name = "dragon demo", description = "what 'dragon demo' trains, on what, and how long")
@interface DemoConfiguration {

    @AttributeDefinition(description = "generator id")
    String generator() default "builtin-music";

    @AttributeDefinition(description = "encoder id the exemplar (per-song FAD) reward embeds with")
    String encoder() default "builtin-music-latent";

    @AttributeDefinition(description = "id given to the exemplar reward the demo configures")
    String reward_id() default "demo-exemplar-fad";

    @AttributeDefinition(description = "factory PID of the per-song FAD reward")
    String reward_factory() default "dev.dragon.reward.fad.persong";

    @AttributeDefinition(description = "corpus folder (made with the 'corpus' command when missing)")
    String corpus_dir() default "run/demo/corpus";

    @AttributeDefinition(description = "clips in the corpus")
    int corpus_clips() default 600;

    @AttributeDefinition(description = "held-out clips in the corpus (their captions are the evaluation prompts)")
    int corpus_heldout() default 64;

    @AttributeDefinition(description = "corpus seed")
    long corpus_seed() default 1;

    @AttributeDefinition(description = "captions.tsv column that selects the exemplar set")
    String exemplar_column() default "instrument";

    @AttributeDefinition(description = "value of that column for exemplar clips (training split only)")
    String exemplar_value() default "piano";

    @AttributeDefinition(description = "at most this many exemplar clips")
    int exemplar_max() default 200;

    @AttributeDefinition(description = "DRAGON iterations")
    int iterations() default 20;

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

    @AttributeDefinition(description = "auto, paired, unpaired or set")
    String pairing() default "paired";

    @AttributeDefinition(description = "sampler steps of the on-policy demonstrations")
    int demo_steps() default 10;

    @AttributeDefinition(description = "sampler steps of the evaluation")
    int eval_steps() default 20;

    @AttributeDefinition(description = "classifier-free guidance scale")
    double guidance() default 1;

    @AttributeDefinition(description = "checkpoint every this many iterations")
    int checkpoint_every() default 5;

    @AttributeDefinition(description = "run seed")
    long seed() default 1;

    @AttributeDefinition(description = "held-out prompts to evaluate on (at least 64 for the acceptance check)")
    int eval_prompts() default 64;

    @AttributeDefinition(description = "base/fine-tuned pairs kept as WAV files")
    int eval_audio() default 8;

    @AttributeDefinition(description = "bootstrap resamples for set rewards in the evaluation (each costs two scoreSet calls per set reward)")
    int bootstrap() default 20;

    @AttributeDefinition(description = "where demo runs go")
    String runs_dir() default "runs";

    @AttributeDefinition(description = "seconds to wait for the configured reward to appear")
    int reward_wait_seconds() default 60;
}
