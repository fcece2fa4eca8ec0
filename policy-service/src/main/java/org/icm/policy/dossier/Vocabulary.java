package org.icm.policy.dossier;

/** The words of a dossier's life (DOMAIN.md, "Policy dossiers"). */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** DRAFT dossiers are for members only; PUBLISHED ones are public. */
    public enum Visibility { DRAFT, PUBLISHED }

    public enum DossierStatus { OPEN, ARCHIVED }

    /** Who a recommendation asks. */
    public enum Addressee { EUROPEAN_COMMISSION, EUROPEAN_PARLIAMENT, COUNCIL, MEMBER_STATES, EU_AGENCIES }

    public enum RecommendationStatus { DRAFT, IN_REVIEW, ADOPTED, PUBLISHED, WITHDRAWN }

    /** How far the addressees took a published recommendation up. */
    public enum Outcome { NOT_ADDRESSED, PARTIALLY_ADDRESSED, ADDRESSED }
}
