package org.icm.kernel.vocabulary;

/** What a bulletin shares with the participants: a development in the EU, or one participant's own activity. */
public enum BulletinKind {
    EU_DEVELOPMENT,
    ACTIVITY_UPDATE
}
