package org.icm.service.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers itself, before any of our code runs (a path with an encoded slash or a NUL, a malformed request
 * line), as problem+json like every other refusal of the platform, instead of Tomcat's HTML page naming its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:icm:problem:bad-request\",\"title\":\"Bad request\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it reached the service: its address or headers hold "
                        + "characters that are not allowed (an encoded slash, a NUL, ...).\"}");
                writer.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot take a body any more: nothing to add
        }
    }
}
