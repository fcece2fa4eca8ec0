package org.icm.launcher;

/** A problem the person starting the platform can fix; its message is the one line they see. */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
