package org.icm.notification.subscription;

/** How often e-mail goes out: each notification at once, or gathered in a daily or weekly digest. */
public enum Rhythm { IMMEDIATE, DAILY_DIGEST, WEEKLY_DIGEST }
