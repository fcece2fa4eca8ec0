package org.icm.membership.organisation;

/**
 * Who asks, as far as the organisation's rules care: the caller's organisation and whether they speak as a focal
 * point. The HTTP layer fills it from the access token; the aggregate decides with it, so "a participant edits
 * another organisation" is refused by the same rules in every path, and tested as such.
 */
public record Acting(String organisationId, boolean focalPoint) {

    /** The platform itself, carrying out a rule a focal point would (erasing data whose retention period is over). */
    public static final Acting PLATFORM = new Acting(null, true);

    public static Acting focalPointOf(String organisationId) {
        return new Acting(organisationId, true);
    }

    public static Acting memberOf(String organisationId) {
        return new Acting(organisationId, false);
    }
}
