package org.icm.policy.sample;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.icm.service.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('FOCAL_POINT')")
@Tag(name = "Administration")
class SampleContentController {

    private final SampleContent sampleContent;
    private final Clock clock;

    SampleContentController(SampleContent sampleContent, Clock clock) {
        this.sampleContent = sampleContent;
        this.clock = clock;
    }

    @PostMapping("/admin/sample-content")
    @Operation(summary = "Load the sample EU dossiers (focal points); what is already there is skipped")
    SampleContent.Result load(Actor actor) {
        return sampleContent.load(actor, LocalDate.now(clock));
    }
}
