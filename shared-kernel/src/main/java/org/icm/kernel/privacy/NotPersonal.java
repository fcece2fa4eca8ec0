package org.icm.kernel.privacy;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Says, where it is declared, that a component whose name looks personal (a name, free text) holds no person's data,
 * and why: an organisation's public name, a dossier's summary. The personal-data inventory test asks for either this
 * or {@link PersonalData} on every such component, so the inventory cannot go stale.
 */
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
public @interface NotPersonal {

    /** The statement for an organisation's name, which is public. */
    String ORGANISATION_NAME = "an organisation's public name";

    /**
     * The statement for what focal points and members write in their professional role as the network's record (a
     * reason, a note, a summary, a rationale, minutes, a recommendation, a bulletin): kept whole as part of the history
     * (GDPR Art. 17(3)), naming its author only by a pseudonymous account id, which names nobody once they are erased.
     * The forms ask writers not to name individuals.
     */
    String NETWORK_RECORD = "the network's record, written in a professional role; its author is named only by account id";

    /** The statement for a sentence the platform composes from public facts (a dossier's stage, a meeting's date). */
    String COMPOSED_FROM_PUBLIC_FACTS = "composed by the platform from public facts";

    /** The statement for what the platform itself records about its own working (errors, header names). */
    String TECHNICAL = "technical: an error or a protocol name, about no person";

    /** Why the value is not personal data. */
    String value();
}
