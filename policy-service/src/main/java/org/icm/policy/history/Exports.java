package org.icm.policy.history;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** The one way this service's exports answer: {@code format} json or csv, an attachment named after what it holds. */
public final class Exports {

    private Exports() {
    }

    /** True for csv, false for json; anything else is a 400. */
    public static boolean csv(String format) {
        return switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json or csv, not '" + format + "'");
        };
    }

    public static <T> ResponseEntity<T> attachment(T body, boolean csv, String name) {
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (csv ? ".csv" : ".json") + "\"")
                .body(body);
    }
}
