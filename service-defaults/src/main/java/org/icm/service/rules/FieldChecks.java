package org.icm.service.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a whole request before refusing it, so the caller learns every bad field at once, not only the first: each
 * check runs, each field it refuses is kept, and {@link #done()} refuses them together (one 400 listing every field).
 * A refusal that is not about the input (a conflict with the state, a caller not allowed) is thrown at once.
 */
public final class FieldChecks {

    private final List<RuleViolation> refusals = new ArrayList<>();

    /** The checked value; null when the check refused it (kept for {@link #done()}). */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (RuleViolation refusal) {
            if (refusal.kind() != RuleViolation.Kind.INVALID_INPUT) {
                throw refusal;
            }
            refusals.addAll(refusal.fieldRefusals());
            return null;
        }
    }

    /** Keeps a refusal found by the caller's own test. */
    public void refuse(RuleViolation refusal) {
        check(() -> {
            throw refusal;
        });
    }

    /** True when no field has been refused so far (a check that needs earlier values runs only then). */
    public boolean clean() {
        return refusals.isEmpty();
    }

    /** Refuses every field kept, together; returns when none was refused. */
    public void done() {
        if (refusals.size() == 1) {
            throw refusals.getFirst();
        }
        if (!refusals.isEmpty()) {
            throw RuleViolation.invalid(refusals);
        }
    }
}
