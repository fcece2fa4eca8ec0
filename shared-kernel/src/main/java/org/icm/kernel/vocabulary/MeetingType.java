package org.icm.kernel.vocabulary;

/** The kinds of ICM meeting (DOMAIN.md, "Meetings, EU events, consultations, bulletins"). */
public enum MeetingType {
    PLENARY,
    THEMATIC,
    BRIEFING
}
