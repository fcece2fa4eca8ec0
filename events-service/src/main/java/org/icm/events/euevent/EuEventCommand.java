package org.icm.events.euevent;

import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.icm.kernel.vocabulary.EuInstitution;

/** What focal points ask of an EU event they announce. Times as entered: local date-time and IANA zone. */
public sealed interface EuEventCommand {

    String euEventId();

    record EuEventFields(EuInstitution institution, String title, LocalDateTime start, LocalDateTime end, String timeZone, String link,
                         List<String> dossierIds) {
    }

    record AnnounceEuEvent(@TargetAggregateIdentifier String euEventId, EuEventFields fields) implements EuEventCommand {
    }

    record UpdateEuEvent(@TargetAggregateIdentifier String euEventId, @TargetAggregateVersion Long expectedVersion, EuEventFields fields)
            implements EuEventCommand {
    }

    record CancelEuEvent(@TargetAggregateIdentifier String euEventId, @TargetAggregateVersion Long expectedVersion, String reason)
            implements EuEventCommand {
    }
}
