package org.icm.kernel.vocabulary;

/** The kinds of European Commission "Have your say" consultation. */
public enum ConsultationType {
    CALL_FOR_EVIDENCE,
    PUBLIC_CONSULTATION,
    FEEDBACK_ON_PROPOSAL
}
