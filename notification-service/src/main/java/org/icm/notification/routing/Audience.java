package org.icm.notification.routing;

/** Who may ever see a happening, whatever they subscribed to. */
public enum Audience {
    /** Public content (a published dossier, an EU consultation): any active account. */
    EVERYONE,
    /** Content of the network (a dossier in draft, bulletins, meetings): staff of member organisations only. */
    MEMBERS,
    /** Admissions: accounts with the FOCAL_POINT role only. */
    FOCAL_POINTS,
    /**
     * News for given organisations (those endorsing a recommendation hear of its uptake): the staff of the organisations the
     * happening names ({@link Happening#organisations()}), while they are members; naming none, nobody.
     */
    ORGANISATIONS
}
