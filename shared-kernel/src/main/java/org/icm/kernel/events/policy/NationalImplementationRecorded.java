package org.icm.kernel.events.policy;

import java.time.LocalDate;
import org.icm.kernel.privacy.NotPersonal;
import org.icm.kernel.vocabulary.InfringementStage;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.NationalMeasureKind;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.TranspositionStatus;

/**
 * A fact of a member state's implementation of an EU measure was recorded (or corrected): a national measure
 * notified, the state's declared transposition status, or a step of an infringement procedure. One event type for
 * the three, so a consumer that follows a country reads one stream of facts; {@code fact} says which, and only that
 * fact's fields are set. The dossier id stays the key, so a dossier's facts keep their order.
 *
 * @param country          the member state, ISO 3166-1 alpha-2 (GR for Greece)
 * @param measureType      the EU act's type (a directive is transposed, a regulation implemented)
 * @param title            the national measure's title, or the infringement's Commission reference
 * @param reference        the national measure's reference (ELI, CELEX sector 7, national number), or the INFR number
 * @param previousStatus   the transposition status before this declaration; null for the first
 * @param effectiveDate    when it happened: the national measure's adoption, the declaration's or the step's date
 * @param transpositionDeadline the directive's deadline, when it has one
 * @param organisationId   the organisation that recorded it: the source readers see
 * @param correction       true when this corrects an earlier record of the same fact
 */
public record NationalImplementationRecorded(String dossierId, String dossierTitle, PolicyArea policyArea, String measureId,
                                             String measureTitle, MeasureType measureType, String country, Fact fact,
                                             NationalMeasureKind nationalMeasureKind,
                                             @NotPersonal(NotPersonal.NETWORK_RECORD) String title, String reference, String link,
                                             TranspositionStatus previousStatus, TranspositionStatus status,
                                             InfringementStage infringementStage, LocalDate effectiveDate,
                                             LocalDate transpositionDeadline, String organisationId, boolean correction)
        implements DossierIntegrationEvent {

    public enum Fact { NATIONAL_MEASURE, TRANSPOSITION_STATUS, INFRINGEMENT_STEP }
}
