package org.icm.membership.signin;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.icm.membership.credentials.CredentialStore;
import org.icm.membership.directory.OrganisationDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with e-mail address and password, with the lockout around it. Every failure (unknown address, wrong
 * password, deactivated account, suspended organisation) becomes the same {@link BadCredentialsException}, and an
 * unknown address still costs a password hash (Spring's DAO provider does that), so the answer tells nothing about
 * who has an account. Repeated failures slow the answers down, then lock sign-in for a while ({@link FailedSignIns}).
 */
final class PasswordSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final FailedSignIns failures;
    private final MeterRegistry meters;

    PasswordSignIn(CredentialStore credentials, OrganisationDirectory directory, PasswordEncoder encoder, FailedSignIns failures,
                   MeterRegistry meters) {
        this.meters = meters;
        UserDetailsService users = email -> {
            CredentialStore.Credential credential = credentials.byEmail(email)
                    .orElseThrow(() -> new UsernameNotFoundException("unknown"));
            boolean canSignIn = directory.account(credential.accountId()).map(OrganisationDirectory.AccountEntry::canSignIn).orElse(false);
            return User.withUsername(credential.email()).password(credential.passwordHash()).disabled(!canSignIn).authorities(List.of()).build();
        };
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String email = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        FailedSignIns.Verdict verdict = failures.verdict(email, address);
        if (verdict.locked()) {
            signIns("locked");
            throw new LockedException("too many failed sign-ins");
        }
        pause(verdict.delay());
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            failures.succeeded(email);
            signIns("signed-in");
            return signedIn;
        } catch (AuthenticationException e) {
            failures.failed(email, address);
            signIns("failed");
            throw new BadCredentialsException("e-mail address or password not recognised");
        }
    }

    /** {@code icm.signins}: password sign-ins by outcome: signed-in, failed, locked (refused for too many failures). */
    private void signIns(String outcome) {
        meters.counter("icm.signins", "outcome", outcome).increment();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static void pause(Duration delay) {
        if (delay.isPositive()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
