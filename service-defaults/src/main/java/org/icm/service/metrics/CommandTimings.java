package org.icm.service.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.icm.service.rules.RuleViolation;

/**
 * {@code icm.commands}: how long each command takes to handle, its events appended and committed included, by command
 * ({@code command}: its simple name) and {@code outcome}: done, refused (a rule of the domain said no) or failed.
 */
public class CommandTimings implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String METER = "icm.commands";

    private final MeterRegistry registry;

    public CommandTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(registry);
        unitOfWork.onCleanup(done -> sample.stop(Timer.builder(METER)
                .description("command handling, events committed included")
                .tag("command", command)
                .tag("outcome", outcome(done.getExecutionResult() == null ? null : done.getExecutionResult().getExceptionResult()))
                .register(registry)));
        return chain.proceed();
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "done";
        }
        return failure instanceof RuleViolation || failure.getCause() instanceof RuleViolation ? "refused" : "failed";
    }
}
