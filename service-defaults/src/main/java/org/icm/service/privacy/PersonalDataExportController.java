package org.icm.service.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.service.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's copy of what this service holds about them: their own ({@code GET /me/personal-data}), or anyone's for a
 * focal point answering a request ({@code GET /people/{personId}/personal-data}). The web client joins every service's
 * answer into one download.
 */
@RestController
public class PersonalDataExportController {

    private final String service;
    private final List<PersonalDataSource> sources;
    private final Clock clock = Clock.systemUTC();

    public PersonalDataExportController(String service, List<PersonalDataSource> sources) {
        this.service = service;
        this.sources = sources;
    }

    @GetMapping("/me/personal-data")
    public Map<String, Object> mine(Actor actor) {
        return export(actor.account().toString());
    }

    @GetMapping("/people/{personId}/personal-data")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    public Map<String, Object> theirs(@PathVariable String personId) {
        return export(personId);
    }

    private Map<String, Object> export(String personId) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (PersonalDataSource source : sources) {
            parts.put(source.name(), source.export(personId));
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("service", service);
        export.put("personId", personId);
        export.put("exportedAt", clock.instant().toString());
        export.put("data", parts);
        return export;
    }
}
