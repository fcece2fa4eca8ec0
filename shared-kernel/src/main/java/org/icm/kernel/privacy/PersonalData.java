package org.icm.kernel.privacy;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} record component that holds a person's data, where it is declared. Wherever such a record is
 * written as JSON through {@link PersonalDataModule} (the event stores, Kafka), the value is encrypted with that person's
 * own key, and reads back as {@link #ERASED} once the person is erased ({@link PersonalDataKeys#erase}). Read models and
 * other stores that keep the value in clear purge it when told the person is erased.
 *
 * <p>The annotation reaches the record's field, accessor and constructor parameter too, so Jackson sees it both ways.
 */
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD, PARAMETER})
public @interface PersonalData {

    /** What a personal value reads as once its person is erased: stable, the same in every fold, replay and export. */
    String ERASED = "erased person";

    /** The name of the record component (a sibling of this one) that holds the id of the person this value belongs to. */
    String subject();

    /** What kind of personal data this is, for the inventory in {@code docs/personal-data.md}. */
    Kind kind();

    enum Kind { NAME, EMAIL, PHONE, FREE_TEXT }
}
