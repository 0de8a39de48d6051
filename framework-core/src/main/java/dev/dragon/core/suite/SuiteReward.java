package dev.dragon.core.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One reward of a suite, as a line of the suite's configuration:
 * {@code reward.NN = ID FACTORY_PID key=value; key=value; ...}. {@code FACTORY_PID} {@code -} means a reward that
 * is already there (configured elsewhere, e.g. by the profile); the suite then only uses it. A value
 * {@code @COLUMN=VALUE} of {@code reference.audio} or {@code reference.captions} names an exemplar set of the
 * corpus (its training clips whose {@code captions.tsv} column has that value), which the suite writes as a list
 * of WAV files or of captions before it configures the reward. Properties {@code run.NAME=VALUE} are not the
 * reward's: they change this reward's training settings ({@link RunOverrides}), also for a reward used as it is.
 *
 * @param key        the configuration key the line came from ({@code reward.01}); the suite runs keys in order
 * @param id         the reward id (unique within the suite)
 * @param factoryPid the factory PID to configure, or null for a reward used as it is
 * @param properties the configuration properties, {@code reward.id} and the run overrides excluded (the suite adds the id)
 * @param run        the reward's run settings that differ from the suite's
 */
public record SuiteReward(String key, String id, String factoryPid, Map<String, String> properties, RunOverrides run) {

    /** Prefix of the configuration keys that hold suite rewards. */
    public static final String KEY_PREFIX = "reward.";

    /** Canonical constructor: copies the properties. */
    public SuiteReward {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        if (run == null) run = RunOverrides.NONE;
    }

    /** @return true when the suite creates this reward through ConfigurationAdmin */
    public boolean configured() {
        return factoryPid != null;
    }

    /** @return the name of the reward's run folder inside the suite folder: the key's suffix and the id ({@code 01-fad}) */
    public String runName() {
        return key.substring(KEY_PREFIX.length()).replaceAll("[^A-Za-z0-9._-]", "_") + "-" + id;
    }

    /** An exemplar set drawn from the corpus: training clips whose {@code column} equals {@code value}. */
    public record ExemplarSet(String column, String value) {
    }

    /**
     * @param property a property name
     * @return the exemplar set its value names ({@code @COLUMN=VALUE}), or null when it is a plain value
     */
    public ExemplarSet exemplarSet(String property) {
        String v = properties.get(property);
        if (v == null || !v.startsWith("@")) return null;
        int eq = v.indexOf('=');
        return new ExemplarSet(v.substring(1, eq), v.substring(eq + 1));
    }

    /**
     * Parses one configuration line.
     *
     * @param key   the configuration key, named in errors
     * @param value the line
     * @return the reward
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static SuiteReward parse(String key, String value) {
        String line = value == null ? "" : value.strip();
        String[] head = line.split("\\s+", 3);
        if (line.isEmpty() || head.length < 2) {
            throw new IllegalArgumentException(key + ": expected 'ID FACTORY_PID [key=value; ...]' (FACTORY_PID '-' for a reward configured elsewhere), got '" + line + "'");
        }
        String id = head[0];
        if (!id.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException(key + ": reward id '" + id + "' may hold only letters, digits, '.', '_' and '-'");
        String factory = head[1].equals("-") ? null : head[1];
        Map<String, String> props = new LinkedHashMap<>();
        Map<String, String> run = new LinkedHashMap<>();
        if (head.length == 3) {
            for (String part : head[2].split(";")) {
                String p = part.strip();
                if (p.isEmpty()) continue;
                int eq = p.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException(key + ": property '" + p + "' is not key=value");
                String name = p.substring(0, eq).strip();
                String v = p.substring(eq + 1).strip();
                if (name.startsWith(RunOverrides.PREFIX)) {
                    String setting = name.substring(RunOverrides.PREFIX.length());
                    RunOverrides.check(key, setting, v);
                    if (run.put(setting, v) != null) throw new IllegalArgumentException(key + ": property '" + name + "' given twice");
                    continue;
                }
                if (name.equals("reward.id")) throw new IllegalArgumentException(key + ": reward.id comes from the line's first word, do not set it");
                if (props.put(name, v) != null) throw new IllegalArgumentException(key + ": property '" + name + "' given twice");
                if (v.startsWith("@") && (v.indexOf('=') < 2 || v.indexOf('=') == v.length() - 1)) {
                    throw new IllegalArgumentException(key + ": '" + name + "=" + v + "': an exemplar set is written @COLUMN=VALUE");
                }
                if (v.startsWith("@") && !name.equals("reference.audio") && !name.equals("reference.captions")) {
                    throw new IllegalArgumentException(key + ": '" + name + "': only reference.audio and reference.captions take an exemplar set (@COLUMN=VALUE)");
                }
            }
        }
        if (factory == null && !props.isEmpty()) {
            throw new IllegalArgumentException(key + ": reward '" + id + "' is used as configured elsewhere ('-'): it takes no properties (only " + RunOverrides.PREFIX + "* run settings)");
        }
        return new SuiteReward(key, id, factory, props, new RunOverrides(run));
    }

    /**
     * The suite's rewards from a configuration: every key {@code reward.*}, sorted by key.
     *
     * @param configuration the configuration's properties
     * @return the rewards, in key order
     * @throws IllegalArgumentException naming the key, when a line is bad or an id repeats, or when there is none
     */
    public static List<SuiteReward> fromConfiguration(Map<String, ?> configuration) {
        Map<String, String> lines = new TreeMap<>();
        for (Map.Entry<String, ?> e : configuration.entrySet()) {
            if (e.getKey().startsWith(KEY_PREFIX) && e.getKey().length() > KEY_PREFIX.length()) {
                lines.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        List<SuiteReward> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, String> e : lines.entrySet()) {
            SuiteReward r = parse(e.getKey(), e.getValue());
            if (!ids.add(r.id())) throw new IllegalArgumentException(e.getKey() + ": reward id '" + r.id() + "' is already used by another reward of the suite");
            out.add(r);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the suite names no reward (keys " + KEY_PREFIX + "NN = ID FACTORY_PID key=value; ...)");
        return out;
    }

    /**
     * @param rewards the suite's rewards
     * @param ids     the ids to keep
     * @return the rewards whose id is in {@code ids}, in suite order
     * @throws IllegalArgumentException naming an id the suite does not have
     */
    public static List<SuiteReward> only(List<SuiteReward> rewards, List<String> ids) {
        for (String id : ids) {
            if (rewards.stream().noneMatch(r -> r.id().equals(id.strip()))) {
                throw new IllegalArgumentException("--only: the suite has no reward '" + id.strip() + "' (rewards: "
                    + String.join(", ", rewards.stream().map(SuiteReward::id).toList()) + ")");
            }
        }
        return rewards.stream().filter(r -> ids.stream().anyMatch(id -> id.strip().equals(r.id()))).toList();
    }
}
