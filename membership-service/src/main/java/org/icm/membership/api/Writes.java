package org.icm.membership.api;

import java.util.Map;
import org.icm.kernel.identity.Role;
import org.icm.membership.organisation.Acting;
import org.icm.membership.organisation.Commands;
import org.icm.membership.organisation.OrganisationCommand;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sends organisation commands on behalf of the HTTP caller and turns the new aggregate version into the answer's ETag.
 * If-Match: {@code "7"} (or {@code W/"7"}) names version 7; {@code *} or no header means "whatever it is now".
 */
@Component
class Writes {

    static final String REASON_HEADER = "X-Change-Reason";

    private final Commands commands;

    Writes(Commands commands) {
        this.commands = commands;
    }

    /** Sends the command and answers 200 with the new version as ETag and body. */
    ResponseEntity<Map<String, Object>> send(OrganisationCommand command, Actor actor, String reason) {
        long version = commands.send(command, actor, reason);
        return ResponseEntity.ok().eTag(etag(version)).body(Map.of("id", command.organisationId(), "version", version));
    }

    long dispatch(OrganisationCommand command, Actor actor, String reason) {
        return commands.send(command, actor, reason);
    }

    static Acting acting(Actor actor) {
        return new Acting(actor.organisation().toString(), actor.has(Role.FOCAL_POINT));
    }

    /** Reads of an organisation's people: its own people and focal points. */
    static void requireOwnOrFocalPoint(Actor actor, String organisationId) {
        if (!actor.has(Role.FOCAL_POINT) && !actor.organisation().toString().equals(organisationId)) {
            throw RuleViolation.notAllowed("not-your-organisation", "only the organisation's own people or focal points may see this");
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static Long expectedVersion(String ifMatch) {
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
