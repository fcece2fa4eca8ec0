package org.icm.web.gateway;

/** The session's tokens can no longer be refreshed (expired, revoked, or the issuer restarted): sign in again. */
public class SignInAgain extends RuntimeException {

    public SignInAgain(Throwable cause) {
        super("the sign-in has ended; sign in again", cause);
    }
}
