package org.icm.kernel.vocabulary;

/**
 * How far a member state has transposed a directive, as the state declared it (DOMAIN.md, "Member states"):
 * no national measure notified, some, or all it considers needed. The platform records the declaration and its
 * source; it does not judge whether the transposition is correct (that is the Commission's infringement procedure).
 */
public enum TranspositionStatus {
    NOT_NOTIFIED, PARTIAL, COMPLETE
}
