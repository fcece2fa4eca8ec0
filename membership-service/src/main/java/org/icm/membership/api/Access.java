package org.icm.membership.api;

import org.icm.kernel.identity.Role;
import org.icm.membership.organisation.Acting;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;

/** Who the HTTP caller acts as towards an organisation, and who may read its people. */
final class Access {

    private Access() {
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
}
