package org.icm.service.probe;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on service-defaults, to test what every real service gets from it. */
@SpringBootApplication
public class ProbeApplication {
}
