package org.icm.notification.directory;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.icm.kernel.events.membership.AccountActivated;
import org.icm.kernel.events.membership.AccountDeactivated;
import org.icm.kernel.events.membership.AccountRolesChanged;
import org.icm.kernel.events.membership.FocalPointDesignated;
import org.icm.kernel.events.membership.FocalPointRevoked;
import org.icm.kernel.events.membership.MembershipIntegrationEvent;
import org.icm.kernel.events.membership.OrganisationAdmitted;
import org.icm.kernel.events.membership.OrganisationApplied;
import org.icm.kernel.events.membership.OrganisationRejected;
import org.icm.kernel.events.membership.OrganisationReinstated;
import org.icm.kernel.events.membership.OrganisationSuspended;
import org.icm.kernel.events.membership.OrganisationWithdrew;
import org.icm.kernel.events.membership.PersonErased;
import org.icm.kernel.identity.Role;
import org.icm.notification.directory.Organisation.Standing;
import org.icm.notification.routing.Audience;
import org.icm.notification.routing.RecipientChanges;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The local directory of accounts and organisations, kept from membership events. Every write sets fields from the
 * event (an upsert), so applying an event twice leaves the same directory.
 */
@Component
public class Directory {

    private final MongoTemplate mongo;
    private final RecipientChanges changes;

    public Directory(MongoTemplate mongo, RecipientChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
    }

    /**
     * Applies a membership event; answers the account that was just activated, if any (it gets default subscriptions).
     * Every change is announced to {@link RecipientChanges} after it is written.
     */
    public Optional<Account> apply(MembershipIntegrationEvent event) {
        Optional<Account> activated = Optional.empty();
        switch (event) {
            case AccountActivated a -> {
                Account account = new Account(a.accountId(), a.email(), a.displayName(), a.organisationId(), a.organisationName(),
                        roles(a.roles()), true, a.language());
                mongo.save(account);
                touchOrganisation(a.organisationId(), a.organisationName());
                activated = Optional.of(account);
            }
            case AccountRolesChanged r -> mongo.upsert(byId(r.accountId()),
                    new Update().set("roles", roles(r.roles())).set("organisationId", r.organisationId())
                            .set("organisationName", r.organisationName()), Account.class);
            case AccountDeactivated d -> mongo.updateFirst(byId(d.accountId()), new Update().set("active", false), Account.class);
            // the address and name go at once; the rest of what the person left here goes with PersonalDataPurge
            case PersonErased e -> mongo.remove(byId(e.personId()), Account.class);
            case OrganisationApplied o -> standing(o, Standing.APPLIED);
            case OrganisationAdmitted o -> standing(o, Standing.ADMITTED);
            case OrganisationReinstated o -> standing(o, Standing.ADMITTED);
            case OrganisationRejected o -> standing(o, Standing.REJECTED);
            case OrganisationSuspended o -> standing(o, Standing.SUSPENDED);
            case OrganisationWithdrew o -> standing(o, Standing.WITHDREW);
            case FocalPointDesignated f -> mongo.upsert(byId(f.organisationId()),
                    new Update().set("focalPoint", true).set("name", f.organisationName()), Organisation.class);
            case FocalPointRevoked f -> mongo.upsert(byId(f.organisationId()),
                    new Update().set("focalPoint", false).set("name", f.organisationName()), Organisation.class);
            default -> {
                // profile updates change nothing the directory keeps
                return Optional.empty();
            }
        }
        changes.changed();
        return activated;
    }

    public Optional<Account> account(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, Account.class));
    }

    /**
     * The account, when mail that was queued for it may still go out: it is active, and its organisation has not lost
     * its membership since (suspended or withdrew); a focal point's account always may.
     */
    public Optional<Account> stillReachable(String accountId) {
        return account(accountId).filter(Account::active).filter(account -> account.roles().contains(Role.FOCAL_POINT)
                || !Optional.ofNullable(mongo.findById(account.organisationId(), Organisation.class)).map(Organisation::lostMembership).orElse(false));
    }

    /**
     * The active accounts among the given ids (or all active accounts when ids is null) that the audience admits; an
     * audience of organisations names none here, so it admits nobody.
     */
    public List<Account> admitted(Audience audience, Set<String> ids) {
        Query query = Query.query(where("active").is(true));
        if (ids != null) {
            query.addCriteria(where("_id").in(ids));
        }
        List<Account> accounts = mongo.find(query, Account.class);
        return switch (audience) {
            case EVERYONE -> accounts;
            case FOCAL_POINTS -> accounts.stream().filter(a -> a.roles().contains(Role.FOCAL_POINT)).toList();
            case MEMBERS -> {
                Map<String, Organisation> organisations = mongo.find(Query.query(where("_id").in(
                                accounts.stream().map(Account::organisationId).collect(Collectors.toSet()))), Organisation.class)
                        .stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
                yield accounts.stream().filter(a -> isMember(a, organisations.get(a.organisationId()))).toList();
            }
            case ORGANISATIONS -> List.of();
        };
    }

    /** A member is on the staff of an admitted (or focal-point) organisation; focal points always are. */
    public static boolean isMember(Account account, Organisation organisation) {
        return account.roles().contains(Role.FOCAL_POINT) || organisation != null && organisation.member();
    }

    /**
     * Whether the audience admits the account, of this organisation (null when the directory does not know it);
     * {@code organisationIds}: the organisations an audience of {@link Audience#ORGANISATIONS} names. Their staff are
     * admitted while they are members, as for {@link Audience#MEMBERS}: an endorsing organisation suspended since hears
     * nothing, and a focal point of another organisation is not on their staff.
     */
    public static boolean admits(Audience audience, Set<String> organisationIds, Account account, Organisation organisation) {
        return switch (audience) {
            case EVERYONE -> true;
            case FOCAL_POINTS -> account.roles().contains(Role.FOCAL_POINT);
            case MEMBERS -> isMember(account, organisation);
            case ORGANISATIONS -> organisationIds.contains(account.organisationId()) && isMember(account, organisation);
        };
    }

    private void standing(MembershipIntegrationEvent event, Standing standing) {
        mongo.upsert(byId(event.organisationId()), new Update().set("standing", standing).set("name", event.organisationName())
                .setOnInsert("focalPoint", false), Organisation.class);
    }

    private void touchOrganisation(String id, String name) {
        mongo.upsert(byId(id), new Update().set("name", name).setOnInsert("focalPoint", false), Organisation.class);
    }

    private static Set<Role> roles(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
