package org.icm.service.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.icm.service.rules.RuleViolation;

/**
 * Each command handled is observed (Micrometer Observation): a timer {@code icm.commands} by {@code command} (its
 * simple name) and {@code outcome} (done; refused: a rule of the domain said no; failed), its events appended and
 * committed included, and a span {@code handle <command>} in the trace of the request that sent it.
 */
public class CommandObservations implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String NAME = "icm.commands";

    private final ObservationRegistry registry;

    public CommandObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("handle " + command)
                .lowCardinalityKeyValue("command", command)
                .start();
        // stopped when the unit of work is done, its commit included
        unitOfWork.onCleanup(done -> {
            Throwable failure = done.getExecutionResult() == null ? null : done.getExecutionResult().getExceptionResult();
            String outcome = outcome(failure);
            observation.lowCardinalityKeyValue("outcome", outcome);
            if ("failed".equals(outcome)) {
                observation.error(failure);
            }
            observation.stop();
        });
        try (Observation.Scope scope = observation.openScope()) {
            return chain.proceed();
        }
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "done";
        }
        return failure instanceof RuleViolation || failure.getCause() instanceof RuleViolation ? "refused" : "failed";
    }
}
