package org.icm.kernel.identity;

/**
 * The claims of the platform's access tokens, defined once: the issuer (membership-service) writes
 * them and every service and the gateway read them.
 */
public final class IcmClaims {

    /** The acting account's id (the standard subject claim). */
    public static final String ACCOUNT = "sub";
    /** The id of the organisation the account belongs to. */
    public static final String ORGANISATION = "organisation";
    /** The account's roles, a list of {@link Role} names. */
    public static final String ROLES = "roles";
    /**
     * The countries the account's organisation works in (its profile's, ISO 3166-1 alpha-2 codes): where its members
     * may record national implementation. Read at every issue, so a profile change shows in the next token.
     */
    public static final String COUNTRIES = "countries";
    /** The audience every platform token must name. */
    public static final String AUDIENCE = "icm-platform";

    private IcmClaims() {
    }
}
