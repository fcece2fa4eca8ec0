package org.icm.membership.api;

import static org.icm.service.web.Writes.REASON_HEADER;
import static org.icm.membership.api.Access.acting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.credentials.Invitations;
import org.icm.membership.directory.OrganisationDirectory;
import org.icm.membership.organisation.OrganisationCommand.DeactivateAccount;
import org.icm.membership.organisation.OrganisationCommand.ErasePerson;
import org.icm.membership.organisation.OrganisationCommand.SetAnalyst;
import org.icm.membership.organisation.OrganisationState;
import org.icm.service.rules.RuleViolation;
import org.icm.service.security.Actor;
import org.icm.service.web.Writes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accounts: focal points invite people to admitted organisations and grant the ANALYST role; the invited person sets
 * a password with their invitation; accounts are deactivated by their organisation or by focal points.
 */
@RestController
@Tag(name = "Accounts", description = "People of member organisations: invitations, roles, deactivation")
class AccountController {

    private final Writes writes;
    private final Invitations invitations;
    private final OrganisationDirectory directory;
    private final CredentialStore credentials;
    private final PasswordEncoder passwords;

    AccountController(Writes writes, Invitations invitations, OrganisationDirectory directory, CredentialStore credentials,
                      PasswordEncoder passwords) {
        this.writes = writes;
        this.invitations = invitations;
        this.directory = directory;
        this.credentials = credentials;
        this.passwords = passwords;
    }

    /** {@code mailed}: whether the invitation mail went out; the token is answered once, to hand over when the mail does not arrive. */
    record InvitationView(String accountId, String token, String acceptPath, java.time.Instant expiresAt, boolean mailed) {

        static InvitationView of(Invitations.Invitation invitation) {
            return new InvitationView(invitation.accountId(), invitation.token(), "/invitations/" + invitation.token() + "/accept",
                    invitation.expiresAt(), invitation.mailed());
        }
    }

    @PostMapping("/organisations/{organisationId}/invitations")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Invite a person to an admitted organisation (focal points)",
            description = "Mails the person a single-use link that expires (7 days), in English or French (language, else the organisation's "
                    + "countries). The token is also answered once, to hand over when the mail does not arrive; only its hash is stored.")
    ResponseEntity<InvitationView> invite(@PathVariable String organisationId, @RequestBody Requests.Invitation body, Actor actor) {
        Invitations.Invitation invitation = invitations.invite(actor, acting(actor), organisationId, body.email(), body.displayName(),
                Boolean.TRUE.equals(body.analyst()), body.language());
        return ResponseEntity.status(HttpStatus.CREATED).body(InvitationView.of(invitation));
    }

    @GetMapping("/invitations")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Everyone invited who has not accepted yet, in every organisation, soonest expiry first (focal points)")
    List<Invitations.Pending> pending() {
        return invitations.pending();
    }

    @PostMapping("/organisations/{organisationId}/invitations/{accountId}/resend")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Mail a new invitation link to a person who has not accepted yet; the earlier link stops working (focal points)")
    InvitationView resend(@PathVariable String organisationId, @PathVariable String accountId,
                          @RequestBody(required = false) Requests.Resending body) {
        return InvitationView.of(invitations.resend(organisationId, accountId, body == null ? null : body.language()));
    }

    @DeleteMapping("/organisations/{organisationId}/invitations/{accountId}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Revoke an invitation not accepted yet: its link stops working and what was kept about the person is erased (focal points)")
    ResponseEntity<Void> revoke(@PathVariable String organisationId, @PathVariable String accountId, Actor actor) {
        invitations.revoke(actor, acting(actor), organisationId, accountId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/invitations/{token}/accept")
    @Operation(summary = "Accept an invitation: set a password and activate the account (public, with the token)")
    Map<String, Object> accept(@PathVariable String token, @RequestBody Requests.Acceptance body) {
        return Map.of("accountId", invitations.accept(token, body.password(), body.language()));
    }

    @GetMapping("/organisations/{organisationId}/accounts")
    @Operation(summary = "The organisation's people (its own people and focal points)")
    List<OrganisationState.Account> accounts(@PathVariable String organisationId, Actor actor) {
        Access.requireOwnOrFocalPoint(actor, organisationId);
        return directory.find(organisationId).map(entry -> List.copyOf(entry.state().accounts().values()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no organisation " + organisationId + "."));
    }

    @PutMapping("/organisations/{organisationId}/accounts/{accountId}/analyst")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Grant or take away the ANALYST role (focal points)")
    ResponseEntity<Map<String, Object>> analyst(@PathVariable String organisationId, @PathVariable String accountId,
                                                @RequestBody Requests.AnalystRole body, Actor actor,
                                                @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(organisationId, new SetAnalyst(organisationId, acting(actor), accountId, Boolean.TRUE.equals(body.analyst())), actor, reason);
    }

    @PostMapping("/organisations/{organisationId}/accounts/{accountId}/deactivate")
    @Operation(summary = "Deactivate an account (its organisation's people, or focal points)")
    ResponseEntity<Map<String, Object>> deactivate(@PathVariable String organisationId, @PathVariable String accountId, Actor actor,
                                                   @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(organisationId, new DeactivateAccount(organisationId, acting(actor), accountId), actor, reason);
    }

    @PostMapping("/organisations/{organisationId}/people/{personId}/erasure")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(summary = "Erase a person's data on their request (focal points): an account or the organisation's contact person",
            description = "Their name, address and phone read 'erased person' everywhere from then on, in every history and service; "
                    + "the history keeps that they acted, when and for which organisation. The reason (X-Change-Reason) must name no one.")
    ResponseEntity<Map<String, Object>> erase(@PathVariable String organisationId, @PathVariable String personId, Actor actor,
                                              @RequestHeader(name = REASON_HEADER, required = false) String reason) {
        return writes.send(organisationId, new ErasePerson(organisationId, acting(actor), personId, false), actor, reason);
    }

    @PostMapping("/me/erasure")
    @Operation(summary = "Erase my own account and data, confirmed with my password",
            description = "Signs the person out everywhere; their data reads 'erased person' in every service from then on.")
    ResponseEntity<Map<String, Object>> eraseMyself(@RequestBody Requests.OwnErasure body, Actor actor) {
        String accountId = actor.account().toString();
        boolean confirmed = body != null && body.password() != null
                && credentials.passwordHash(accountId).filter(hash -> passwords.matches(body.password(), hash)).isPresent();
        if (!confirmed) {
            throw RuleViolation.invalid("password", "password-not-confirmed", "confirm the erasure with your password");
        }
        String organisationId = actor.organisation().toString();
        return writes.send(organisationId, new ErasePerson(organisationId, acting(actor), accountId, true), actor, null);
    }
}
