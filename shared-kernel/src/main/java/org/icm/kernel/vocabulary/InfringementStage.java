package org.icm.kernel.vocabulary;

/** The steps of the Commission's infringement procedure against a member state (Articles 258 and 260 TFEU), in order. */
public enum InfringementStage {
    LETTER_OF_FORMAL_NOTICE, REASONED_OPINION, REFERRAL_TO_COURT, JUDGMENT, CLOSURE
}
