package org.icm.membership.organisation;

import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.service.axon.AuditMetaData;
import org.icm.service.security.Actor;
import org.springframework.stereotype.Component;

/** Sends organisation commands with the audit metadata of who acts and why; answers the aggregate's new version. */
@Component
public class Commands {

    /** Nobody yet: an applicant before their organisation exists. */
    static final AccountId NOBODY = new AccountId(new UUID(0, 0));

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public long send(OrganisationCommand command, Actor actor, String reason) {
        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(AuditMetaData.of(actor, reason)));
        // Apply answers the new aggregate's id; every other command its new version
        return result instanceof Number version ? version.longValue() : 0L;
    }

    /** The platform itself in the audit trail (no account): its retention rules, for example. */
    public static Actor platform(String organisationId) {
        return new Actor(NOBODY, OrganisationId.of(organisationId), Set.of());
    }

    /** The applicant of a new organisation, who has no account yet. */
    public static Actor applicant(String organisationId) {
        return new Actor(NOBODY, OrganisationId.of(organisationId), Set.of());
    }

    /** A person acting before they can sign in: accepting their invitation. */
    public static Actor person(String accountId, String organisationId) {
        return new Actor(AccountId.of(accountId), OrganisationId.of(organisationId), Set.of());
    }
}
