package org.icm.service.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.icm.service.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProbeController {

    record NewNote(@NotBlank String title, @Size(max = 10) String summary, int priority) {
    }

    @GetMapping("/probe/whoami")
    Map<String, Object> whoAmI(Actor actor) {
        return Map.of("account", actor.account().toString(), "organisation", actor.organisation().toString(), "roles", actor.roles());
    }

    @GetMapping("/probe/public")
    Map<String, String> publicRead() {
        return Map.of("visible", "to anyone");
    }

    @PostMapping("/probe/notes")
    @ResponseStatus(HttpStatus.CREATED)
    NewNote create(@Valid @RequestBody NewNote note) {
        return note;
    }
}
