package org.icm.membership.firststart;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.UUID;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.credentials.Invitations;
import org.icm.membership.organisation.Acting;
import org.icm.membership.organisation.Commands;
import org.icm.membership.organisation.FocalPointRegistry;
import org.icm.membership.organisation.NameClaims;
import org.icm.membership.organisation.OrganisationCommand.*;
import org.icm.service.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * An empty platform gets its focal points: the three focal-point organisations of the sample data (admitted and
 * designated) and one focal-point account whose e-mail address and password come from configuration
 * ({@code icm.bootstrap.focal-point.email}, {@code .password}). With {@code icm.sample-content.load-on-start} the other
 * sample organisations are loaded too (applied and admitted), at every start, and with
 * {@code icm.sample-content.load-on-first-start} (the launcher sets it) on the first start of an empty platform; an
 * organisation whose name is taken is skipped, so loading twice changes nothing. Everything goes through the normal commands, in the platform's name.
 */
@Component
class FirstStart {

    /** The platform acting on its own: nil ids, so the history says "the platform", not a person. */
    static final Actor PLATFORM = new Actor(new AccountId(new UUID(0, 0)), new OrganisationId(new UUID(0, 0)), Set.of(Role.FOCAL_POINT));
    private static final Acting AS_PLATFORM = Acting.focalPointOf(new UUID(0, 0).toString());
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Commands commands;
    private final NameClaims names;
    private final FocalPointRegistry focalPoints;
    private final CredentialStore credentials;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Environment environment;

    FirstStart(Commands commands, NameClaims names, FocalPointRegistry focalPoints, CredentialStore credentials, PasswordEncoder passwords,
               JdbcTemplate jdbc, ObjectMapper json, Environment environment) {
        DevelopmentPasswordGuard.check(environment);
        this.commands = commands;
        this.names = names;
        this.focalPoints = focalPoints;
        this.credentials = credentials;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.json = json;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        SampleOrganisations sample = SampleOrganisations.read(json);
        boolean empty = organisationStoreIsEmpty();
        if (empty) {
            String firstFocalPoint = null;
            for (SampleOrganisations.Sample organisation : sample.organisations()) {
                if (organisation.isFocalPoint()) {
                    String id = load(organisation);
                    firstFocalPoint = firstFocalPoint == null ? id : firstFocalPoint;
                }
            }
            createFocalPointAccount(firstFocalPoint);
        }
        if (environment.getProperty("icm.sample-content.load-on-start", Boolean.class, false)
                || empty && environment.getProperty("icm.sample-content.load-on-first-start", Boolean.class, false)) {
            int loaded = 0;
            for (SampleOrganisations.Sample organisation : sample.organisations()) {
                if (!organisation.isFocalPoint() && load(organisation) != null) {
                    loaded++;
                }
            }
            log.info("Sample organisations loaded: {}", loaded);
        }
    }

    private boolean organisationStoreIsEmpty() {
        Boolean any = jdbc.queryForObject("select exists (select 1 from domain_event_entry)", Boolean.class);
        return !Boolean.TRUE.equals(any);
    }

    /** Applies, admits and (for focal points) designates; answers the new id, or null when the name is taken. */
    private String load(SampleOrganisations.Sample organisation) {
        String id = UUID.randomUUID().toString();
        try {
            names.claim(organisation.name(), id);
        } catch (RuntimeException taken) {
            return null;
        }
        commands.send(new Apply(id, organisation.profile()), PLATFORM, "sample data");
        commands.send(new Admit(id, null, AS_PLATFORM), PLATFORM, "sample data");
        if (organisation.isFocalPoint()) {
            commands.send(new DesignateFocalPoint(id, null, AS_PLATFORM), PLATFORM, "a founding focal point");
            focalPoints.add(id);
        }
        return id;
    }

    private void createFocalPointAccount(String organisationId) {
        String email = environment.getProperty("icm.bootstrap.focal-point.email");
        String password = environment.getProperty("icm.bootstrap.focal-point.password");
        if (organisationId == null || email == null || email.isBlank() || password == null || password.isBlank()) {
            log.warn("No first focal-point account: set icm.bootstrap.focal-point.email and icm.bootstrap.focal-point.password");
            return;
        }
        if (password.length() < Invitations.PASSWORD_MIN) {
            throw new IllegalStateException("icm.bootstrap.focal-point.password must have at least " + Invitations.PASSWORD_MIN + " characters");
        }
        String accountId = UUID.randomUUID().toString();
        String displayName = environment.getProperty("icm.bootstrap.focal-point.display-name", "ICM focal point");
        commands.send(new InviteAccount(organisationId, AS_PLATFORM, accountId, email, displayName, false), PLATFORM, "first start");
        credentials.storePassword(accountId, email, organisationId, passwords.encode(password));
        commands.send(new ActivateAccount(organisationId, accountId, "en"), PLATFORM, "first start");
        log.info("First focal-point account created for {}", email.strip());
    }
}
