package org.icm.web.operations;

import java.util.List;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Focal points rebuild a service's read model from its event store: the list of each service's streaming processors
 * (from {@code GET /admin/<service>/admin/read-models}), a confirmation page that says what a replay does, then the
 * replay and its status. A service without event processors (notification) lists none.
 */
@Controller
class ReadModelReplays {

    static final List<String> SERVICES = List.of("membership", "policy", "events", "notifications");

    private final Gateway gateway;

    ReadModelReplays(Gateway gateway) {
        this.gateway = gateway;
    }

    /** One service's processors, or why there are none to show. */
    record ServiceModels(String service, List<Operations.ReadModel> models, String unavailable) {
    }

    @GetMapping("/operations/read-models")
    String list(Model model) {
        List<ServiceModels> services = SERVICES.stream().map(this::models).toList();
        model.addAttribute("services", services);
        return "operations-read-models";
    }

    @GetMapping("/operations/read-models/{service}/{name}")
    String confirm(@PathVariable String service, @PathVariable String name, Model model) {
        model.addAttribute("service", known(service));
        model.addAttribute("model", gateway.get(gateway.uri(base(service) + "/" + Gateway.segment(name)), Operations.ReadModel.class));
        return "operations-read-model";
    }

    @PostMapping("/operations/read-models/{service}/{name}/replay")
    String replay(@PathVariable String service, @PathVariable String name, Model model, RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.POST, gateway.uri(base(known(service)) + "/" + Gateway.segment(name) + "/replay"), null, null);
        } catch (ServiceProblem refused) {
            Operations.refused(model, refused);
            model.addAttribute("service", service);
            model.addAttribute("model", gateway.get(gateway.uri(base(service) + "/" + Gateway.segment(name)), Operations.ReadModel.class));
            return "operations-read-model";
        }
        redirect.addFlashAttribute("notice", "notice.replayStarted");
        redirect.addFlashAttribute("noticeSubject", name);
        return "redirect:/operations/read-models/" + Gateway.segment(service) + "/" + Gateway.segment(name);
    }

    private ServiceModels models(String service) {
        try {
            List<Operations.ReadModel> models = gateway.get(gateway.uri(base(service)), new ParameterizedTypeReference<>() { });
            return new ServiceModels(service, models, null);
        } catch (ServiceProblem problem) {
            // 404: the service keeps no event-sourced read models (no processors to list)
            return new ServiceModels(service, List.of(), problem.status() == 404 ? null : problem.summary());
        }
    }

    private static String base(String service) {
        return "/admin/" + known(service) + "/admin/read-models";
    }

    /** Only the platform's services: the name goes into a gateway path. */
    private static String known(String service) {
        if (!SERVICES.contains(service)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no service " + service + ".");
        }
        return service;
    }

}
