package org.icm.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.icm.notification.support.NotificationTestBase;
import org.junit.jupiter.api.Test;

/** The HTTP API is described by OpenAPI, readable without a token. */
class ApiDocsTest extends NotificationTestBase {

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        HttpResponse<String> docs = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/feed\"", "\"/feed/stream\"", "\"/feed/{id}/read\"", "\"/feed/read-all\"",
                "\"/subscriptions/me\"", "\"/subscriptions/{accountId}\"", "\"/unsubscribe\"", "\"/deliveries\"",
                "\"/dead-letters\"", "\"/dead-letters/{id}\"", "\"/dead-letters/{id}/redrive\"", "\"/dead-letters/{id}/discard\"");
    }
}
