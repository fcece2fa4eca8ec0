package org.icm.web.pages;

import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ReadYourWrites;
import org.springframework.stereotype.Component;

/**
 * A dossier as its pages show it: read from the policy service's read model, after a write at least at the version the
 * write made ({@link ReadYourWrites}), else with a notice that it may be behind.
 */
@Component
public class DossierReads {

    private final Gateway gateway;
    private final ReadYourWrites readYourWrites;

    DossierReads(Gateway gateway, ReadYourWrites readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    /** The dossier as the read model has it, at version {@code seen} or later when it gets there in time. */
    public record Read(Policy.DossierDetail dossier, boolean behind) {
    }

    public Read atLeast(String dossierId, Long seen) {
        ReadYourWrites.Read<Policy.DossierDetail> read = readYourWrites.atLeast("dossier " + dossierId,
                () -> gateway.get(gateway.uri("/api/policy/dossiers/" + Gateway.segment(dossierId)), Policy.DossierDetail.class),
                Policy.DossierDetail::version, seen);
        return new Read(read.value(), read.behind());
    }

    public Read current(String dossierId) {
        return atLeast(dossierId, null);
    }
}
