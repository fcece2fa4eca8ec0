package org.icm.kernel.vocabulary;

/**
 * The starting point of a member organisation. ICM exists to bridge the two: child-rights organisations
 * and migration organisations.
 */
public enum OrganisationFocus {
    CHILD_RIGHTS,
    MIGRATION,
    BOTH
}
