package org.icm.events.common;

import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.icm.service.rules.RuleViolation.Kind;
import org.icm.service.rules.RuleViolation;

/** Matchers for refused commands in given/when/then tests: the kind (HTTP status), the field and the stable code. */
public final class Violations {

    private Violations() {
    }

    /** A malformed value: HTTP 400, naming {@code field}. */
    public static Matcher<RuleViolation> invalid(String field, String code) {
        return violation(Kind.INVALID_INPUT, field, code);
    }

    /** Well-formed input the state does not allow: HTTP 422, naming {@code field}. */
    public static Matcher<RuleViolation> conflict(String field, String code) {
        return violation(Kind.CONFLICTS_WITH_STATE, field, code);
    }

    /** Well-formed input the state as a whole does not allow (no field at fault). */
    public static Matcher<RuleViolation> conflict(String code) {
        return violation(Kind.CONFLICTS_WITH_STATE, null, code);
    }

    public static Matcher<RuleViolation> notYours(String code) {
        return violation(Kind.NOT_ALLOWED, null, code);
    }

    static Matcher<RuleViolation> violation(Kind kind, String field, String code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
                mismatch.appendText("was a ").appendValue(violation.kind()).appendText(" violation ").appendValue(violation.code())
                        .appendText(" on field ").appendValue(violation.field()).appendText(": ").appendText(violation.getMessage());
                return violation.kind() == kind && Objects.equals(violation.code(), code) && Objects.equals(violation.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendValue(kind).appendText(" violation ").appendValue(code).appendText(" on field ")
                        .appendValue(field);
            }
        };
    }
}
