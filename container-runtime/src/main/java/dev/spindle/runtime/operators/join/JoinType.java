package dev.spindle.runtime.operators.join;

/** Which records without a partner a join still emits, paired with {@code null}. */
public enum JoinType {
    INNER(false, false, "Join"),
    LEFT_OUTER(true, false, "LeftOuterJoin"),
    RIGHT_OUTER(false, true, "RightOuterJoin"),
    FULL_OUTER(true, true, "FullOuterJoin");

    private final boolean keepsLeft;
    private final boolean keepsRight;
    private final String displayName;

    JoinType(boolean keepsLeft, boolean keepsRight, String displayName) {
        this.keepsLeft = keepsLeft;
        this.keepsRight = keepsRight;
        this.displayName = displayName;
    }

    /** Whether left records without a match are emitted (with a {@code null} right side). */
    public boolean keepsUnmatchedLeft() {
        return keepsLeft;
    }

    /** Whether right records without a match are emitted (with a {@code null} left side). */
    public boolean keepsUnmatchedRight() {
        return keepsRight;
    }

    public boolean isOuter() {
        return keepsLeft || keepsRight;
    }

    /** For plan and vertex names: {@code Join}, {@code LeftOuterJoin}, ... */
    public String displayName() {
        return displayName;
    }
}
