package org.icm.kernel.vocabulary;

/** What kind of body a member organisation is (DOMAIN.md, "Membership"). */
public enum OrganisationKind {
    NGO,
    IGO,
    NETWORK,
    ACADEMIC,
    OTHER
}
