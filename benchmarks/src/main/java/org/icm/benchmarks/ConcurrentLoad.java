package org.icm.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs a fixed number of operations on a fixed number of threads, each doing one operation at a time:
 * operation {@code k} (0, 1, 2, ...) goes to whichever thread is free next. Each thread makes its own
 * worker (an HTTP client, a database connection) before the clock starts; the time is from the moment all
 * threads are ready until the last operation ends. Latency is recorded per operation in microseconds.
 */
final class ConcurrentLoad {

    /** One operation, numbered k. */
    interface Operation {
        void perform(int k) throws Exception;
    }

    /** What one thread does; made on that thread, closed when it is done. */
    interface Worker extends Operation, AutoCloseable {

        /** A worker doing the operation with a resource of its own (a client, a connection), closed at the end. */
        static Worker of(AutoCloseable resource, Operation operation) {
            return new Worker() {
                @Override
                public void perform(int k) throws Exception {
                    operation.perform(k);
                }

                @Override
                public void close() throws Exception {
                    resource.close();
                }
            };
        }
    }

    interface WorkerFactory {
        Worker open(int thread) throws Exception;
    }

    /** What a phase measured: operations done, failures, wall time and latency. */
    record Result(int operations, int failures, String firstFailure, long nanos, Histogram latencyMicros) {

        double perSecond() {
            return operations * 1e9 / nanos;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }
    }

    private ConcurrentLoad() {
    }

    static Result run(String name, int threads, int operations, WorkerFactory workers) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong end = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Histogram histogram = new Histogram(3);
            histograms.add(histogram);
            running.add(Thread.ofPlatform().name(name + "-" + t).start(() -> {
                try (Worker worker = open(workers, thread, ready)) {
                    go.await();
                    for (int k = next.getAndIncrement(); k < operations; k = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        try {
                            worker.perform(k);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, "operation " + k + ": " + e.getMessage());
                        }
                        long now = System.nanoTime();
                        histogram.recordValue(Math.max(0, (now - begin) / 1_000));
                        end.accumulateAndGet(now, Math::max);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, "thread " + thread + ": " + e);
                }
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        Histogram all = new Histogram(3);
        histograms.forEach(all::add);
        int done = (int) Math.min(operations, all.getTotalCount());
        return new Result(done, failures.get(), firstFailure.get(), Math.max(1, end.get() - start), all);
    }

    /** Opens the thread's worker and says it is ready, even when opening failed (so the run does not hang). */
    private static Worker open(WorkerFactory workers, int thread, CountDownLatch ready) throws Exception {
        try {
            return workers.open(thread);
        } finally {
            ready.countDown();
        }
    }
}
