package org.icm.kernel.identity;

/** What an account may do on the platform (see DOMAIN.md, "People and roles"). */
public enum Role {
    /** Staff of a member organisation. */
    PARTICIPANT,
    /** Staff of a focal-point organisation: runs the network through the admin API. */
    FOCAL_POINT,
    /** Replays the history of dossiers. */
    ANALYST;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
