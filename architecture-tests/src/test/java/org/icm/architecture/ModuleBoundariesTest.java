package org.icm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The boundaries ARCHITECTURE.md draws, as tests: services own their code and talk only through the kernel. */
class ModuleBoundariesTest {

    static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.icm");

    static final String[] SERVICE_PACKAGES = {
            "org.icm.membership..", "org.icm.policy..", "org.icm.events..", "org.icm.notification..", "org.icm.gateway.."};

    @Test
    void noServiceDependsOnAnotherService() {
        for (String service : SERVICE_PACKAGES) {
            String[] others = Arrays.stream(SERVICE_PACKAGES).filter(other -> !other.equals(service)).toArray(String[]::new);
            noClasses().that().resideInAPackage(service)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services own their data and talk through Kafka integration events or HTTP through the gateway")
                    .check(PLATFORM);
        }
    }

    @Test
    void everyServiceIsImported() {
        for (String service : SERVICE_PACKAGES) {
            String pkg = service.replace("..", "");
            assertThat(PLATFORM.stream().anyMatch(javaClass -> javaClass.getPackageName().startsWith(pkg)))
                    .as("classes of %s are on the test class path", pkg).isTrue();
        }
    }

    @Test
    void theSharedKernelDependsOnNoSpringAndNoService() {
        noClasses().that().resideInAPackage("org.icm.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                .orShould().dependOnClassesThat().resideInAnyPackage(SERVICE_PACKAGES)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.icm.service..", "org.icm.infrastructure..", "org.icm.testing..")
                .because("the shared kernel is the published language: plain records and vocabularies")
                .check(PLATFORM);
    }

    @Test
    void serviceDefaultsKnowNoService() {
        noClasses().that().resideInAPackage("org.icm.service..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE_PACKAGES)
                .because("service-defaults is shared plumbing, below every service")
                .check(PLATFORM);
    }

    @Test
    void servicesDoNotReachIntoTheEmbeddedInfrastructureOrTestSupport() {
        noClasses().that().resideInAnyPackage(SERVICE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.icm.infrastructure..", "org.icm.testing..", "org.icm.launcher..")
                .because("a service finds its infrastructure through configuration only, so it runs the same on containers")
                .check(PLATFORM);
    }
}
