package org.icm.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.icm.infrastructure.SharedInfrastructure;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the test JVM's one infrastructure (started on first use, see
 * {@link SharedInfrastructure}) and at the test issuer's key set ({@link TestTokens}). Registered in
 * {@code META-INF/spring.factories}, so a service test needs no annotation for it; a test's own
 * properties still win.
 */
public class SharedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(!AnnotatedElementUtils.hasAnnotation(testClass, WithoutSharedInfrastructure.class));
    }

    /** What a service started in a test is given: the shared infrastructure's addresses (unless not wanted) and the test issuer. */
    static Map<String, Object> testProperties(boolean withInfrastructure) {
        Map<String, Object> properties = withInfrastructure ? new HashMap<>(SharedInfrastructure.get().springProperties()) : new HashMap<>();
        properties.put("icm.security.issuer", TestTokens.ISSUER);
        properties.put("icm.security.jwk-set-uri", TestTokens.get().jwkSetUri());
        return properties;
    }

    /** Instances with the same choice are equal, so the customizer never stops Spring from caching a test context. */
    private static final class Customizer implements ContextCustomizer {

        private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

        private final boolean withInfrastructure;

        Customizer(boolean withInfrastructure) {
            this.withInfrastructure = withInfrastructure;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Map<String, Object> properties = testProperties(withInfrastructure);
            // above the configuration files (which name the local platform's fixed ports),
            // below a test's own @SpringBootTest(properties) / @TestPropertySource
            var sources = context.getEnvironment().getPropertySources();
            var infrastructure = new MapPropertySource("icm-test-infrastructure", properties);
            if (sources.contains(INLINED_TEST_PROPERTIES)) {
                sources.addAfter(INLINED_TEST_PROPERTIES, infrastructure);
            } else {
                sources.addFirst(infrastructure);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer customizer && customizer.withInfrastructure == withInfrastructure;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(withInfrastructure);
        }
    }
}
