package org.icm.web.operations;

import java.util.List;
import org.icm.web.gateway.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The focal points' console: upcoming meetings, EU events and open consultations to run, and the operators' tools. */
@Controller
class OperationsPage {

    private final Gateway gateway;

    OperationsPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/operations")
    String operations(Model model) {
        List<Operations.Meeting> meetings = gateway.get(gateway.uri("/api/events/meetings"), new ParameterizedTypeReference<>() { });
        List<Operations.EuEvent> euEvents = gateway.get(gateway.uri("/api/events/eu-events"), new ParameterizedTypeReference<>() { });
        List<Operations.Consultation> consultations = gateway.get(gateway.uri("/api/events/consultations"), new ParameterizedTypeReference<>() { });
        model.addAttribute("meetings", meetings);
        model.addAttribute("euEvents", euEvents);
        model.addAttribute("consultations", consultations);
        return "operations";
    }
}
