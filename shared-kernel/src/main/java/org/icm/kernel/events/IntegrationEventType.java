package org.icm.kernel.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one kind of integration event: its CloudEvents type (versioned, e.g.
 * {@code org.icm.policy.MeasureStageChanged.v1}), the topic it travels on and the record that carries it.
 */
public record IntegrationEventType<E extends IntegrationEvent>(String name, Topic topic, Class<E> payloadType) {

    private static final Pattern VERSIONED_NAME = Pattern.compile("org\\.icm\\.[a-z]+\\.[A-Za-z]+\\.v[1-9][0-9]*");

    public IntegrationEventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!VERSIONED_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "integration event type '" + name + "' must look like org.icm.<service>.<EventName>.v<version>");
        }
    }
}
