package org.icm.kernel.vocabulary;

/** The EU institutions and bodies whose hearings, conferences and briefings ICM follows. */
public enum EuInstitution {
    EUROPEAN_COMMISSION,
    EUROPEAN_PARLIAMENT,
    COUNCIL_OF_THE_EU,
    EUROPEAN_COUNCIL,
    EU_AGENCY,
    ECONOMIC_AND_SOCIAL_COMMITTEE,
    COMMITTEE_OF_THE_REGIONS,
    OTHER
}
