package org.icm.membership.personaldata;

import java.util.Map;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.service.privacy.PersonalDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What membership-service holds about a person, for their copy: their account, and whether they can sign in with a password. */
@Configuration
class PersonalDataOfMembership {

    @Bean
    PersonalDataSource personalDataAccount(OrganisationDirectory directory) {
        return PersonalDataSource.of("account", personId -> directory.account(personId).orElse(null));
    }

    @Bean
    PersonalDataSource personalDataSignIn(CredentialStore credentials) {
        // the password's hash is a secret of the platform's, not data about the person: only whether there is one
        return PersonalDataSource.of("signIn", personId -> Map.of("passwordSet", credentials.passwordHash(personId).isPresent()));
    }
}
