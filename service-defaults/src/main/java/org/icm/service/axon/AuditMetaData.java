package org.icm.service.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.icm.service.security.Actor;

/**
 * Who did it and why, carried by every command as metadata and copied onto the events it causes
 * (see {@link AxonPostgresAutoConfiguration#auditCorrelation()}), so the history answers who, when and why.
 */
public final class AuditMetaData {

    public static final String ACCOUNT = "account";
    public static final String ORGANISATION = "organisation";
    public static final String REASON = "reason";

    private AuditMetaData() {
    }

    /** The metadata for a command sent on behalf of the actor, with an optional reason. */
    public static MetaData of(Actor actor, String reason) {
        Map<String, Object> values = new HashMap<>();
        values.put(ACCOUNT, actor.account().toString());
        values.put(ORGANISATION, actor.organisation().toString());
        if (reason != null && !reason.isBlank()) {
            values.put(REASON, reason.strip());
        }
        return MetaData.from(values);
    }
}
