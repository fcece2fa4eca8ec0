package org.icm.service.axon;

import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Focal points rebuild a read model from the event store: its processor stops, its tokens go back to the
 * start, its reset handlers clear the model, and it replays every event. A processor that must not
 * replay (the Kafka outbox, marked {@code @DisallowReplay}) refuses, and the list says so beforehand.
 */
@RestController
@RequestMapping("/admin/read-models")
@PreAuthorize("hasRole('FOCAL_POINT')")
public class ReadModelAdminController {

    private final EventProcessingConfiguration processing;

    public ReadModelAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every streaming processor of this service, by name, with whether it may be replayed, so a page can offer it. */
    @GetMapping
    public List<Map<String, Object>> list() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> {
                    StreamingEventProcessor processor = (StreamingEventProcessor) entry.getValue();
                    return Map.<String, Object>of("name", entry.getKey(), "running", processor.isRunning(),
                            "replaying", processor.isReplaying(), "supportsReset", processor.supportsReset());
                })
                .toList();
    }

    @GetMapping("/{name}")
    public Map<String, Object> status(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        return Map.of("name", name, "running", processor.isRunning(), "replaying", processor.isReplaying(),
                "supportsReset", processor.supportsReset());
    }

    @PostMapping("/{name}/replay")
    public ResponseEntity<Map<String, Object>> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, name + " cannot be replayed");
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().body(Map.of("name", name, "replaying", true));
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no read model " + name + "."));
    }
}
