package org.icm.web.member;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Bulletins: news members share with the network (an EU development, or their own activity), newest first. */
@Controller
class BulletinsPage {

    static final List<String> KINDS = List.of("EU_DEVELOPMENT", "ACTIVITY_UPDATE");

    record Bulletin(String id, String kind, String title, String text, Instant postedAt, boolean edited, boolean retracted) {
    }

    record BulletinForm(String kind, String title, String text) {
        static BulletinForm empty() {
            return new BulletinForm("ACTIVITY_UPDATE", null, null);
        }
    }

    private final Gateway gateway;

    BulletinsPage(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/bulletins")
    String bulletins(Model model) {
        return page(model, BulletinForm.empty(), null);
    }

    @PostMapping("/bulletins")
    String post(@ModelAttribute("bulletin") BulletinForm form, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", form.kind() == null || form.kind().isBlank() ? null : form.kind());
        body.put("title", form.title());
        body.put("text", form.text());
        body.put("dossierIds", List.of());
        try {
            gateway.send(HttpMethod.POST, gateway.uri("/api/events/bulletins"), body, null);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return page(model, form, refused);
        }
        redirect.addFlashAttribute("notice", "notice.bulletinPosted");
        return "redirect:/bulletins";
    }

    private String page(Model model, BulletinForm form, ServiceProblem refused) {
        List<Bulletin> bulletins = gateway.get(gateway.uri("/api/events/bulletins", Gateway.query("limit", 50)),
                new ParameterizedTypeReference<List<Bulletin>>() { });
        model.addAttribute("bulletins", bulletins.stream().filter(b -> !b.retracted()).toList());
        model.addAttribute("bulletin", form);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("refused", refused);
        model.addAttribute("errors", refused == null ? Map.of() : refused.fieldErrors());
        return "bulletins";
    }
}
