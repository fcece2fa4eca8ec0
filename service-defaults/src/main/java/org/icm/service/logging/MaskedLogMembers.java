package org.icm.service.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (JSON) log lines mask e-mail addresses and access tokens in every text they carry (message, stack trace,
 * MDC values), as the readable log does through its converters. Named by {@code logging.structured.json.customizer}.
 */
public class MaskedLogMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataMasking::mask));
    }
}
