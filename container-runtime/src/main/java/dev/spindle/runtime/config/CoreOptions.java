package dev.spindle.runtime.config;

import dev.spindle.runtime.plan.ExchangeMode;

/** Job-level settings: parallelism, chaining, the shuffle's exchange mode and buffer timeout. */
public final class CoreOptions implements OptionsHolder {

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOption.intOption("parallelism.default", -1,
            "Parallelism of operators that do not set one. -1: the number of slots of the embedded cluster "
                    + "(the number of cores, by default) or 1 elsewhere.");

    public static final ConfigOption<Long> BUFFER_TIMEOUT = ConfigOption.longOption("execution.buffer-timeout", 100,
            "Milliseconds after which a partly filled shuffle buffer is sent anyway. 0 sends after every record "
                    + "(lowest latency), -1 only when a buffer is full or the input ends (highest throughput).");

    public static final ConfigOption<ExchangeMode> BATCH_EXCHANGE_MODE = ConfigOption.enumOption(
            "execution.batch-exchange-mode", ExchangeMode.class, ExchangeMode.PIPELINED,
            "Default exchange of batch edges that do not choose one: PIPELINED streams records between running "
                    + "tasks; BLOCKING writes each result to local disk first, so stages run one after another "
                    + "in fewer slots.");

    public static final ConfigOption<Boolean> OPERATOR_CHAINING = ConfigOption.booleanOption(
            "pipeline.operator-chaining", true,
            "Run operators joined by forward edges of equal parallelism in one thread, without serialization.");

    public static final ConfigOption<Integer> COMBINER_MAX_ENTRIES = ConfigOption.intOption(
            "execution.combiner.max-entries", 1_000_000,
            "Most distinct keys a pre-shuffle hash combiner holds before it emits its partial results. It "
                    + "also emits them when its table would outgrow its share of managed memory.");

    private CoreOptions() {
    }
}
