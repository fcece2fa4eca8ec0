package org.icm.membership.api;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.membership.organisation.Acting;
import org.icm.membership.organisation.OrganisationCommand;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sends organisation commands on behalf of the caller, with their audit metadata, and turns the new aggregate
 * version into the answer's ETag. If-Match: {@code "7"} (or {@code W/"7"}) names version 7; {@code *} or no header
 * means "whatever it is now".
 */
@Component
public class Writes {

    static final String REASON_HEADER = "X-Change-Reason";
    /** Nobody yet: an applicant before their organisation exists, or the platform itself at first start. */
    static final AccountId NOBODY = new AccountId(new UUID(0, 0));

    private final CommandGateway commands;

    Writes(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command and answers 200 with the new version as ETag and body. */
    ResponseEntity<Map<String, Object>> send(OrganisationCommand command, Actor actor, String reason) {
        long version = dispatch(command, actor, reason);
        return ResponseEntity.ok().eTag(etag(version)).body(Map.of("id", command.organisationId(), "version", version));
    }

    /** Sends the command and answers its new aggregate version (0 for the first). */
    public long dispatch(OrganisationCommand command, Actor actor, String reason) {
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(actor, reason)));
        // Apply answers the new aggregate's id; every other command its new version
        return result instanceof Number version ? version.longValue() : 0L;
    }

    /** The applicant of a new organisation, who has no account yet. */
    public static Actor applicant(String organisationId) {
        return new Actor(NOBODY, OrganisationId.of(organisationId), java.util.Set.of());
    }

    /** A person acting before they can sign in: accepting their invitation. */
    public static Actor person(String accountId, String organisationId) {
        return new Actor(AccountId.of(accountId), OrganisationId.of(organisationId), java.util.Set.of());
    }

    public static Acting acting(Actor actor) {
        return new Acting(actor.organisation().toString(), actor.has(Role.FOCAL_POINT));
    }

    /** Reads of an organisation's people: its own people and focal points. */
    static void requireOwnOrFocalPoint(Actor actor, String organisationId) {
        if (!actor.has(Role.FOCAL_POINT) && !actor.organisation().toString().equals(organisationId)) {
            throw org.icm.membership.organisation.RuleViolation.notAllowed("not-your-organisation",
                    "only the organisation's own people or focal points may see this");
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

    static URI location(String path) {
        return URI.create(path);
    }
}
