package org.icm.service.scheduling;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Scheduled work that one instance of a service does at a time, however many run: each run takes the job's lock in the
 * service's shared store (ShedLock) and is skipped while another instance holds it. The lock is held while the job
 * runs, and at most {@code atMostFor} should the instance die meanwhile, so the next period's run takes the job over.
 */
public final class ScheduledJobs {

    private final LockingTaskExecutor executor;

    public ScheduledJobs(LockProvider locks) {
        this.executor = new DefaultLockingTaskExecutor(locks);
    }

    /** Runs {@code job} unless another instance is running the job called {@code name}; answers whether it ran. */
    public boolean runAlone(String name, Duration atMostFor, Runnable job) {
        LockingTaskExecutor.TaskResult<Void> result;
        try {
            result = executor.executeWithLock(() -> {
                job.run();
                return null;
            }, new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(name + " failed", e);
        }
        return result.wasExecuted();
    }
}
