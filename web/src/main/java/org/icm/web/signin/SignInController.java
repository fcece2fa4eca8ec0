package org.icm.web.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /sign-in} starts the authorization request of the one registration (Spring serves {@code /sign-in/icm}). */
@Controller
class SignInController {

    @GetMapping("/sign-in")
    String signIn() {
        return "redirect:/sign-in/" + SignInConfiguration.REGISTRATION;
    }
}
