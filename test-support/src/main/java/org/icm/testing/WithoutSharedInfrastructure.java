package org.icm.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring test that needs the test issuer ({@link TestTokens}) but none of the infrastructure (Kafka,
 * PostgreSQL, MongoDB, SMTP): the gateway, for one, holds no data. Its context gets only the issuer's properties,
 * and the test JVM starts no infrastructure for it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithoutSharedInfrastructure {
}
