package org.icm.notification.routing;

/** The kinds of happening an account can subscribe to (DOMAIN.md, "Notifications"). */
public enum Kind {
    MEETING_SCHEDULED_OR_CHANGED,
    CONSULTATION_OPENED_OR_DEADLINE_CHANGED,
    MEASURE_STAGE_CHANGED,
    RECOMMENDATION_PUBLISHED_OR_REVISED,
    /**
     * How far a text of the procedure reflects a recommendation was recorded (or corrected): for the staff of the
     * organisations that endorse it, and nobody else.
     */
    RECOMMENDATION_UPTAKE,
    /**
     * A member state's implementation of a measure: a national measure, a declared transposition status or an
     * infringement step recorded (or corrected), and a transposition deadline passed while the state was not done.
     */
    NATIONAL_IMPLEMENTATION,
    BULLETIN_POSTED,
    /** For focal points only: an organisation asks to join the network. */
    ORGANISATION_APPLIED,
    /**
     * Consultations closing soon, meetings tomorrow, and transposition deadlines coming in the countries followed by name
     * (with NATIONAL_IMPLEMENTATION).
     */
    REMINDER
}
