package org.icm.kernel.vocabulary;

/**
 * One right from the catalogue that dossiers tag as "at stake", e.g. UNCRC-3, "Best interests of the child".
 *
 * @param code       stable code, instrument and article ("UNCRC-3", "CHARTER-24", "ECHR-8")
 * @param instrument UNCRC, CHARTER or ECHR
 * @param article    the article number in that instrument
 * @param title      short title of the article
 */
public record Right(String code, String instrument, String article, String title) {
}
