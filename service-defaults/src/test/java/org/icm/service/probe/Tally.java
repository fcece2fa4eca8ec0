package org.icm.service.probe;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/** A test aggregate: a named tally that only counts up, to check the event store wiring. */
@Aggregate
public class Tally {

    public record OpenTally(@TargetAggregateIdentifier String tallyId, String name) {
    }

    public record CountUp(@TargetAggregateIdentifier String tallyId, int by) {
    }

    @Revision("1")
    public record TallyOpened(String tallyId, String name) {
    }

    @Revision("1")
    public record TallyCounted(String tallyId, int by, int total) {
    }

    @AggregateIdentifier
    private String tallyId;
    private int total;

    protected Tally() {
    }

    @CommandHandler
    public Tally(OpenTally command) {
        apply(new TallyOpened(command.tallyId(), command.name()));
    }

    @CommandHandler
    public int handle(CountUp command) {
        // answers the new total
        if (command.by() <= 0) {
            throw new IllegalArgumentException("a tally only counts up");
        }
        apply(new TallyCounted(tallyId, command.by(), total + command.by()));
        return total;
    }

    @EventSourcingHandler
    void on(TallyOpened event) {
        tallyId = event.tallyId();
    }

    @EventSourcingHandler
    void on(TallyCounted event) {
        total = event.total();
    }
}
