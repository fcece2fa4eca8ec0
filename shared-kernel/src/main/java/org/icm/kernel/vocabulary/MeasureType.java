package org.icm.kernel.vocabulary;

/** The kinds of legislative and non-legislative acts a dossier's measures are. */
public enum MeasureType {
    REGULATION,
    DIRECTIVE,
    DECISION,
    DELEGATED_ACT,
    IMPLEMENTING_ACT,
    COMMUNICATION,
    STRATEGY,
    ACTION_PLAN,
    RECOMMENDATION,
    FUNDING_PROGRAMME,
    GUIDANCE
}
