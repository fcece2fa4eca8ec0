package org.icm.kernel.vocabulary;

/** The policy areas a dossier belongs to (DOMAIN.md, "Policy dossiers"). */
public enum PolicyArea {
    ASYLUM,
    RECEPTION,
    BORDERS,
    DETENTION,
    RETURN,
    FAMILY_REUNIFICATION,
    TRAFFICKING,
    MISSING_CHILDREN,
    CHILD_PROTECTION,
    GUARDIANSHIP,
    SOCIAL_INCLUSION,
    EDUCATION,
    HEALTH,
    STATELESSNESS,
    EXTERNAL_ACTION,
    FUNDING
}
