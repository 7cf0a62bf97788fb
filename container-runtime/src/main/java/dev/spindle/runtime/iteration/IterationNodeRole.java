package dev.spindle.runtime.iteration;

/**
 * The part a plan node plays in an iteration. The head keeps the partial solution (or solution set
 * and workset) between supersteps; tails hand the next one back to it; the result node passes the
 * head's final records on to the rest of the program; a solution-set operator joins with the head's
 * solution set, for which the solution-set node stands in the program (it never runs). Every other
 * node between the head and the tails is found by the compiler.
 */
public enum IterationNodeRole {
    HEAD,
    TAIL,
    RESULT,
    SOLUTION_SET_OPERATOR,
    SOLUTION_SET
}
