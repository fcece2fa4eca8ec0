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

    /** Why the value is not personal data. */
    String value();
}
