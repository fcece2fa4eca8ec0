package org.icm.kernel.vocabulary;

/** Where a member organisation works: across Europe, in its countries, or worldwide. */
public enum OrganisationScope {
    EUROPEAN,
    NATIONAL,
    INTERNATIONAL
}
