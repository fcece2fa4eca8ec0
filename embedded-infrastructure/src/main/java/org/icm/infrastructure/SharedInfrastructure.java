package org.icm.infrastructure;

/**
 * The one infrastructure of a test JVM: started on first use, shared by every test class, stopped when
 * the JVM exits. The system property {@code icm.infrastructure} chooses it: {@code embedded} (the default,
 * works without Docker) or {@code testcontainers} (real PostgreSQL, MongoDB and Kafka images; needs a
 * Docker engine).
 */
public final class SharedInfrastructure {

    public static final String CHOICE_PROPERTY = "icm.infrastructure";

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = switch (System.getProperty(CHOICE_PROPERTY, "embedded")) {
                case "embedded" -> EmbeddedInfrastructure.start(InfrastructureSettings.forTests());
                case "testcontainers" -> ContainerInfrastructure.start();
                default -> throw new IllegalArgumentException(
                        CHOICE_PROPERTY + " must be 'embedded' or 'testcontainers', not '" + System.getProperty(CHOICE_PROPERTY) + "'");
            };
            Infrastructure started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "icm-infrastructure-stop"));
        }
        return instance;
    }
}
