package org.icm.membership.organisation;

/** APPLIED -> ADMITTED (or REJECTED) -> SUSPENDED <-> ADMITTED -> WITHDRAWN (DOMAIN.md, "Membership"). */
public enum OrganisationStatus {
    APPLIED, ADMITTED, REJECTED, SUSPENDED, WITHDRAWN;

    /** Rejected and withdrawn organisations are closed: their history is kept, nothing changes any more. */
    public boolean closed() {
        return this == REJECTED || this == WITHDRAWN;
    }
}
