package org.icm.kernel.vocabulary;

/**
 * The steps of an EU procedure that a focal point records on a measure, in their usual order.
 * WITHDRAWN and LAPSED are exits: no step follows them.
 */
public enum ProcedureStage {
    ANNOUNCED,
    PROPOSAL_ADOPTED,
    EP_COMMITTEE,
    EP_MANDATE,
    COUNCIL_MANDATE,
    TRILOGUE,
    PROVISIONAL_AGREEMENT,
    ADOPTED,
    PUBLISHED_IN_OJ,
    IN_FORCE,
    IN_APPLICATION,
    EVALUATION,
    WITHDRAWN,
    LAPSED;

    public boolean isExit() {
        return this == WITHDRAWN || this == LAPSED;
    }
}
