package org.icm.notification.directory;

import org.icm.kernel.privacy.NotPersonal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organisation's standing in the network, which decides whether its staff see members-only content. */
@Document("organisations")
public record Organisation(@Id String id, @NotPersonal(NotPersonal.ORGANISATION_NAME) String name, Standing standing, boolean focalPoint) {

    public enum Standing { APPLIED, ADMITTED, REJECTED, SUSPENDED, WITHDREW }

    public boolean member() {
        return focalPoint || standing == Standing.ADMITTED;
    }

    /** Was a member and is not any more: suspended, or withdrew. */
    public boolean lostMembership() {
        return !focalPoint && (standing == Standing.SUSPENDED || standing == Standing.WITHDREW);
    }
}
