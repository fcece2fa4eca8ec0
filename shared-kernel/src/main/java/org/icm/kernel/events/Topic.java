package org.icm.kernel.events;

/**
 * The Kafka topics of the platform: one per publishing service, keyed by aggregate id so that one
 * aggregate's events stay in order on one partition.
 */
public enum Topic {
    MEMBERSHIP("icm.membership.v1"),
    POLICY("icm.policy.v1"),
    EVENTS("icm.events.v1"),
    /** Messages a consumer could not handle after its retries, with the error in the headers. */
    DEAD_LETTERS("icm.dead-letters.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}
