package org.icm.service.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command an aggregate refuses. {@link Kind#INVALID_INPUT} means a value is malformed (HTTP 400, naming the
 * field); {@link Kind#CONFLICTS_WITH_STATE} means the value is well formed but the aggregate's current state
 * does not allow it (HTTP 422), e.g. a step after a dossier's exit; {@link Kind#NOT_ALLOWED} means the caller may
 * not do this to this aggregate (HTTP 403), e.g. someone else's bulletin. The {@code code} is stable: it ends the
 * problem type. Every service raises this one, so clients read all refusals alike; service-defaults' advice turns
 * it into problem+json.
 */
public final class RuleViolation extends RuntimeException {

    public enum Kind { INVALID_INPUT, CONFLICTS_WITH_STATE, NOT_ALLOWED }

    private final Kind kind;
    private final String code;
    private final String field;
    private final List<RuleViolation> fieldRefusals;

    private RuleViolation(Kind kind, String code, String field, String message, List<RuleViolation> fieldRefusals) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.fieldRefusals = fieldRefusals == null ? List.of(this) : List.copyOf(fieldRefusals);
    }

    private RuleViolation(Kind kind, String code, String field, String message) {
        this(kind, code, field, message, null);
    }

    public static RuleViolation invalid(String field, String code, String message) {
        return new RuleViolation(Kind.INVALID_INPUT, code, field, message);
    }

    /** Several fields refused at once (see {@link FieldChecks}); the code is {@code validation}, each field keeps its own. */
    public static RuleViolation invalid(List<RuleViolation> refusals) {
        String message = refusals.stream().map(RuleViolation::getMessage).collect(Collectors.joining("; "));
        return new RuleViolation(Kind.INVALID_INPUT, "validation", null, message, refusals);
    }

    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(Kind.CONFLICTS_WITH_STATE, code, null, message);
    }

    public static RuleViolation conflict(String field, String code, String message) {
        return new RuleViolation(Kind.CONFLICTS_WITH_STATE, code, field, message);
    }

    public static RuleViolation notAllowed(String code, String message) {
        return new RuleViolation(Kind.NOT_ALLOWED, code, null, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** Each refused field with its own code and message: this refusal itself, or every one of a combined refusal. */
    public List<RuleViolation> fieldRefusals() {
        return fieldRefusals;
    }

    /** The request field at fault, or null when the state as a whole is (or several fields are). */
    public String field() {
        return field;
    }
}
