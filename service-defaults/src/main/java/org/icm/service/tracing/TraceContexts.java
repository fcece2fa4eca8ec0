package org.icm.service.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trace a piece of work belongs to, carried where HTTP headers cannot go: in a stored event's metadata (from the
 * request that caused it to the outbox publisher, which runs later on another thread), in the CloudEvents
 * distributed-tracing extension of an integration event (to the consuming service), in a queued mail. The carrier is
 * the W3C Trace Context's fields ({@code traceparent}, {@code tracestate}), written and read by the configured
 * propagator, so one trace runs from a focal point's click to a member's notification and mail.
 */
public final class TraceContexts {

    /** The W3C Trace Context field naming the trace and the span that caused the work. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's trace context as W3C fields; empty outside any span. */
    public Map<String, String> current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier;
    }

    /** The trace id in a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] fields = traceparent.split("-");
        return fields.length == 4 ? fields[1] : null;
    }

    /** The current trace's id, or null outside any span. */
    public String currentTraceId() {
        Span span = tracer.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    /**
     * Runs {@code work} in a new span named {@code name}, a child of the trace in {@code carrier} (W3C fields; a new
     * trace when it holds none), so its log lines carry that trace's id.
     */
    public <T> T inSpan(String name, Span.Kind kind, Map<String, String> carrier, Supplier<T> work) {
        Map<String, String> fields = carrier == null ? Map.of() : carrier;
        Span span = propagator.extract(fields, Map::get).name(name).kind(kind).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void inSpan(String name, Span.Kind kind, Map<String, String> carrier, Runnable work) {
        inSpan(name, kind, carrier, () -> {
            work.run();
            return null;
        });
    }
}
