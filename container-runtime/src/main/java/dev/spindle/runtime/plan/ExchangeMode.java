package dev.spindle.runtime.plan;

/** How records cross an edge between two tasks. */
public enum ExchangeMode {
    /** Records flow while the producer runs; producer and consumer run at the same time. */
    PIPELINED,
    /** The producer writes its whole result to local disk first; the consumer starts after it finished. */
    BLOCKING
}
