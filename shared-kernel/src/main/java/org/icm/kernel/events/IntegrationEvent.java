package org.icm.kernel.events;

/**
 * A fact that one service publishes for the others: the published language of the platform.
 * Implementations are records that only ever grow compatibly (new optional fields); a breaking
 * change is a new type with the next version in its name.
 */
public interface IntegrationEvent {

    /** The id of the aggregate this event is about: the CloudEvents subject and the Kafka key. */
    String subject();
}
