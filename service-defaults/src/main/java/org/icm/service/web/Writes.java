package org.icm.service.web;

import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.icm.kernel.api.ChangeReason;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sends commands on behalf of the HTTP caller, with their audit metadata (who and, from {@value #REASON_HEADER},
 * why), and turns the aggregate's new version into the answer's ETag. One place for the If-Match rules:
 * {@code "7"} (or {@code W/"7"}) names version 7; {@code *} or no header means "whatever it is now".
 * Auto-configured wherever there is a {@link CommandGateway} ({@link WritesAutoConfiguration}).
 */
public class Writes {

    /**
     * The request header that says why a change is made; it becomes the {@code reason} of the audit metadata. A reason
     * beyond printable ASCII comes RFC 8187-encoded ({@link ChangeReason}).
     */
    public static final String REASON_HEADER = ChangeReason.HEADER;

    private final CommandGateway commands;

    public Writes(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command and answers 200 with the new version as ETag and body ({@code {id, version}}). */
    public ResponseEntity<Map<String, Object>> send(String id, Object command, Actor actor, String reason) {
        long version = dispatch(command, actor, reason);
        return ResponseEntity.ok().eTag(etag(version)).body(Map.of("id", id, "version", version));
    }

    /** Sends a command that creates something and answers 201 with its location. */
    public ResponseEntity<Map<String, Object>> create(String id, Object command, Actor actor, String reason, URI location) {
        long version = dispatch(command, actor, reason);
        return ResponseEntity.created(location).eTag(etag(version)).body(Map.of("id", id, "version", version));
    }

    /** Sends the command with the audit metadata and answers the aggregate's new version. */
    public long dispatch(Object command, Actor actor, String reason) {
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(actor, decoded(reason))));
        // a creating command answers the new aggregate's id (version 0); every other command its new version
        return result instanceof Number version ? version.longValue() : 0L;
    }

    /** The reason the header carries; a badly encoded one is refused (400), as nothing may be kept half-read. */
    private static String decoded(String reasonHeader) {
        try {
            return ChangeReason.decode(reasonHeader);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(REASON_HEADER, "malformed-change-reason", "The change reason is not well encoded: " + e.getMessage());
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The aggregate version an If-Match header names, or null for "whatever it is now"; 400 for anything else. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "If-Match must be an ETag this service gave, such as \"7\"");
        }
    }
}
