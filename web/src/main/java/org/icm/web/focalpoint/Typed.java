package org.icm.web.focalpoint;

import java.util.List;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a focal point typed into one form of the curate page, kept when the service refused it: the refused form shows
 * the typed values and the service's reason next to each field it names; every other form shows the dossier as it is.
 * {@code form} names the form (e.g. {@code measure-<id>}), so one refusal lands in one form only.
 */
public record Typed(String form, MultiValueMap<String, String> values, ServiceProblem refused) {

    /** No form refused: every form shows the current values. */
    public static Typed none() {
        return new Typed("", new LinkedMultiValueMap<>(), null);
    }

    /** The typed value if this is the refused form, else the current value. */
    public String value(String form, String field, Object current) {
        if (this.form.equals(form)) {
            String typed = values.getFirst(field);
            return typed == null ? "" : typed;
        }
        return current == null ? "" : current.toString();
    }

    /** Whether a checkbox is ticked: as typed in the refused form, else as the dossier has it. */
    public boolean checked(String form, String field, String option, boolean current) {
        if (this.form.equals(form)) {
            List<String> typed = values.get(field);
            return typed != null && typed.contains(option);
        }
        return current;
    }

    /** The service's reason for a field of the refused form, or null. */
    public String error(String form, String field) {
        return refused != null && this.form.equals(form) ? refused.reasonFor(field).orElse(null) : null;
    }

    /** Whether this form was the one refused (its disclosure opens so the person sees why). */
    public boolean refused(String form) {
        return refused != null && this.form.equals(form);
    }
}
