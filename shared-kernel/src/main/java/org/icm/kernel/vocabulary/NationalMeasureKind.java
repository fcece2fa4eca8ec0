package org.icm.kernel.vocabulary;

/**
 * What a member state adopted to put an EU act into effect: a directive is transposed by national measures;
 * a regulation applies directly, and states adopt implementation plans, designate authorities and adapt their law.
 */
public enum NationalMeasureKind {
    TRANSPOSITION_MEASURE(MeasureType.DIRECTIVE),
    IMPLEMENTATION_PLAN(MeasureType.REGULATION),
    DESIGNATED_AUTHORITY(MeasureType.REGULATION),
    NATIONAL_ADAPTATION(MeasureType.REGULATION);

    private final MeasureType implementedAct;

    NationalMeasureKind(MeasureType implementedAct) {
        this.implementedAct = implementedAct;
    }

    /** Whether a state adopts this kind of measure for an EU act of that type. */
    public boolean appliesTo(MeasureType type) {
        return implementedAct == type;
    }
}
