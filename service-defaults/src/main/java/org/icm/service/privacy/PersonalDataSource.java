package org.icm.service.privacy;

import java.util.function.Function;

/**
 * One part of what a service holds about a person, for their copy of it (GDPR Art. 15 and 20): each service declares its
 * sources as beans, and {@link PersonalDataExportController} answers them all as one JSON document.
 */
public interface PersonalDataSource {

    /** A source named {@code name} that answers {@code export} for a person id. */
    static PersonalDataSource of(String name, Function<String, Object> export) {
        return new PersonalDataSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object export(String personId) {
                return export.apply(personId);
            }
        };
    }

    /** The part's name in the export, e.g. {@code account}, {@code subscription}. */
    String name();

    /** What the service holds about the person, as JSON-ready values (records, lists, maps); null when nothing. */
    Object export(String personId);
}
