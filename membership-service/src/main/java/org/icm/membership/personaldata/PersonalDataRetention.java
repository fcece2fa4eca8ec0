package org.icm.membership.personaldata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.icm.kernel.privacy.PersonalData;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.membership.organisation.Acting;
import org.icm.membership.organisation.Commands;
import org.icm.membership.organisation.OrganisationCommand.ErasePerson;
import org.icm.membership.organisation.OrganisationEvent.OrganisationRejected;
import org.icm.membership.organisation.OrganisationStatus;
import org.icm.membership.organisation.Profile;
import org.icm.service.rules.RuleViolation;
import org.icm.service.scheduling.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Personal data is kept no longer than needed (GDPR Art. 5(1)(e)): the contact person of an application that was
 * rejected is erased {@code icm.personal-data.retention.rejected-application} after the rejection (90 days by default),
 * and a person invited who never accepted is erased {@code icm.personal-data.retention.unaccepted-invitation} after
 * their invitation expired (30 days by default). Each is an ordinary erasure by the platform, recorded with its reason.
 */
@Component
class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final CredentialStore credentials;
    private final OrganisationDirectory directory;
    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration rejectedApplication;
    private final Duration unacceptedInvitation;
    private final ScheduledJobs jobs;

    PersonalDataRetention(CredentialStore credentials, OrganisationDirectory directory, Commands commands, JdbcTemplate jdbc, Clock clock,
                          @Value("${icm.personal-data.retention.rejected-application:P90D}") Duration rejectedApplication,
                          @Value("${icm.personal-data.retention.unaccepted-invitation:P30D}") Duration unacceptedInvitation,
                          ScheduledJobs jobs) {
        this.jobs = jobs;
        this.credentials = credentials;
        this.directory = directory;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rejectedApplication = rejectedApplication;
        this.unacceptedInvitation = unacceptedInvitation;
    }

    @Scheduled(initialDelayString = "${icm.personal-data.retention.first-check:PT2M}", fixedDelayString = "${icm.personal-data.retention.check-every:PT1H}")
    void eraseWhatIsNoLongerNeeded() {
        jobs.runAlone("personal-data-retention", Duration.ofHours(1), () -> eraseWhatIsNoLongerNeeded(clock.instant()));
    }

    /** Erases what is past its retention at {@code now}; answers how many people were erased. */
    int eraseWhatIsNoLongerNeeded(Instant now) {
        int erased = 0;
        for (CredentialStore.UnusedInvitation unused : credentials.unusedInvitationsExpiredBefore(now.minus(unacceptedInvitation))) {
            erased += erase(unused.organisationId(), unused.accountId(), "retention: an invitation not accepted");
        }
        for (String organisationId : rejectedBefore(now.minus(rejectedApplication))) {
            Profile.Contact contact = directory.find(organisationId).filter(entry -> entry.state().status() == OrganisationStatus.REJECTED)
                    .map(entry -> entry.state().profile().contact()).orElse(null);
            if (contact != null && contact.personId() != null && !PersonalData.ERASED.equals(contact.email())) {
                erased += erase(organisationId, contact.personId(), "retention: the contact person of a rejected application");
            }
        }
        if (erased > 0) {
            log.info("erased {} people whose data was past its retention period", erased);
        }
        return erased;
    }

    /** Organisations whose application was rejected before {@code before}, from the event store (its timestamps). */
    private List<String> rejectedBefore(Instant before) {
        return jdbc.queryForList("select distinct aggregate_identifier from domain_event_entry where payload_type = ? and time_stamp < ?",
                String.class, OrganisationRejected.class.getName(), before.toString());
    }

    private int erase(String organisationId, String personId, String reason) {
        try {
            commands.send(new ErasePerson(organisationId, Acting.PLATFORM, personId, false), Commands.platform(organisationId), reason);
            return 1;
        } catch (RuleViolation done) {
            return 0; // erased meanwhile, or not this organisation's any more: nothing to do
        }
    }
}
