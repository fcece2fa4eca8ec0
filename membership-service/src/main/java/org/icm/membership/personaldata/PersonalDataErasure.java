package org.icm.membership.personaldata;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.passwordreset.PasswordResets;
import org.icm.membership.organisation.OrganisationEvent.PersonErased;
import org.icm.membership.signin.StoredAuthorizations;
import org.springframework.stereotype.Component;

/**
 * Carries out an erasure once it is stored: the person's password, invitations and reset links go, their sign-in sessions end, and
 * then their key is deleted, which makes every sealed copy of their data, in every service's event store and on every
 * Kafka topic, read as "erased person". A streaming processor with a durable token, so a crash between the event and
 * these steps only delays them; each step may run twice.
 */
@Component
@ProcessingGroup("personal-data-erasure")
class PersonalDataErasure {

    private final CredentialStore credentials;
    private final StoredAuthorizations authorizations;
    private final PersonalDataKeys keys;
    private final PasswordResets passwordResets;

    PersonalDataErasure(CredentialStore credentials, StoredAuthorizations authorizations, PersonalDataKeys keys, PasswordResets passwordResets) {
        this.passwordResets = passwordResets;
        this.credentials = credentials;
        this.authorizations = authorizations;
        this.keys = keys;
    }

    @EventHandler
    void on(PersonErased event) {
        credentials.forget(event.personId()).ifPresent(authorizations::forget);
        passwordResets.forget(event.personId());
        keys.erase(event.personId());
    }
}
