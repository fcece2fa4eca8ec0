package org.icm.notification.subscription;

public enum Channel { IN_APP, EMAIL }
