package org.icm.kernel.vocabulary;

/**
 * How far a text of an EU procedure (a proposal, a committee report, a general approach, a final act) reflects one of
 * the network's published recommendations: the trail that leads to the recommendation's final outcome.
 */
public enum Uptake {
    REFLECTED, PARTIALLY_REFLECTED, NOT_REFLECTED
}
