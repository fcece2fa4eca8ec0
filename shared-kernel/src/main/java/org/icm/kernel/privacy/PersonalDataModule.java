package org.icm.kernel.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Jackson (2) support for {@link PersonalData}: a marked component is written sealed with its person's key and read back
 * opened, or as {@link PersonalData#ERASED} once the person is erased. Registered only on the mappers that write where
 * nothing can be erased (Axon's event and snapshot serializer, the integration-event codec for Kafka), never on those of
 * read models, which keep clear values and purge them.
 */
public final class PersonalDataModule extends SimpleModule {

    private final PersonalDataCipher cipher;

    public PersonalDataModule(PersonalDataKeys keys) {
        super("icm-personal-data");
        this.cipher = new PersonalDataCipher(keys);
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Introspector(cipher));
    }

    /** Finds the marked members once per type (Jackson caches what it answers). */
    private static final class Introspector extends NopAnnotationIntrospector {

        private final PersonalDataCipher cipher;

        Introspector(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public Object findSerializer(Annotated annotated) {
            PersonalData marking = marking(annotated);
            if (marking == null) {
                return null;
            }
            Class<?> owner = ((AnnotatedMember) annotated).getDeclaringClass();
            try {
                return new Sealing(cipher, owner.getMethod(marking.subject()));
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(owner.getName() + "." + annotated.getName() + " is personal data of '"
                        + marking.subject() + "', which " + owner.getSimpleName() + " does not have", e);
            }
        }

        @Override
        public Object findDeserializer(Annotated annotated) {
            return marking(annotated) == null ? null : new Opening(cipher);
        }

        private static PersonalData marking(Annotated annotated) {
            PersonalData marking = annotated.getAnnotation(PersonalData.class);
            if (marking != null && annotated.getRawType() != String.class) {
                throw new IllegalArgumentException("@PersonalData marks String components only, not " + annotated.getName());
            }
            return marking;
        }
    }

    private static final class Sealing extends StdSerializer<String> {

        private final transient PersonalDataCipher cipher;
        private final transient Method subject;

        Sealing(PersonalDataCipher cipher, Method subject) {
            super(String.class);
            this.cipher = cipher;
            this.subject = subject;
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(cipher.seal(subjectOf(generator.currentValue()), value));
        }

        private String subjectOf(Object owner) {
            try {
                Object id = owner == null ? null : subject.invoke(owner);
                return id == null ? null : id.toString();
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + subject.getName() + " of " + owner.getClass().getName(), e);
            }
        }
    }

    private static final class Opening extends StdScalarDeserializer<String> {

        private final transient PersonalDataCipher cipher;

        Opening(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return cipher.open(parser.getValueAsString());
        }
    }
}
