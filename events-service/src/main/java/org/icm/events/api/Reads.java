package org.icm.events.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What the controllers answer when the read model has nothing under an id. */
final class Reads {

    private Reads() {
    }

    static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no " + what + " " + id + ".");
    }
}
