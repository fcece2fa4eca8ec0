package org.icm.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.icm.kernel.privacy.PersonalData.Kind;
import org.junit.jupiter.api.Test;

class PersonalDataModuleTest {

    record Invited(String accountId, @PersonalData(subject = "accountId", kind = Kind.EMAIL) String email, String role) {
    }

    record Wrong(String accountId, @PersonalData(subject = "personId", kind = Kind.NAME) String name) {
    }

    private final InMemoryKeys keys = new InMemoryKeys();
    private final ObjectMapper json = JsonMapper.builder().addModule(new ParameterNamesModule()).addModule(new PersonalDataModule(keys)).build();

    @Test
    void aMarkedValueIsWrittenSealedAndReadBackInClear() throws Exception {
        String written = json.writeValueAsString(new Invited("a-1", "marker-7731@example.org", "analyst"));

        assertThat(written).doesNotContain("marker-7731").contains("\"role\":\"analyst\"").contains("pd1:");
        assertThat(json.readValue(written, Invited.class)).isEqualTo(new Invited("a-1", "marker-7731@example.org", "analyst"));
    }

    @Test
    void onceThePersonIsErasedTheValueReadsAsThePlaceholderAndNothingElseChanges() throws Exception {
        String written = json.writeValueAsString(new Invited("a-1", "marker@example.org", "analyst"));

        keys.erase("a-1");

        assertThat(json.readValue(written, Invited.class)).isEqualTo(new Invited("a-1", PersonalData.ERASED, "analyst"));
        // a value written for an erased person is the placeholder itself: no key is made again
        assertThat(json.writeValueAsString(new Invited("a-1", "again@example.org", "x"))).contains(PersonalData.ERASED).doesNotContain("again");
        assertThat(keys.keys).doesNotContainKey("a-1");
    }

    @Test
    void oneValueCannotBePassedOffAsAnotherPersonsNorTamperedWith() throws Exception {
        String first = json.writeValueAsString(new Invited("a-1", "one@example.org", "x"));
        json.writeValueAsString(new Invited("a-2", "two@example.org", "x"));
        String sealed = json.readTree(first).get("email").asText();

        String movedToA2 = first.replace(sealed, sealed.replace(":a-1", ":a-2"));
        assertThatThrownBy(() -> json.readValue(movedToA2, Invited.class)).hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void aValueWrittenBeforeEncryptionIsReadAsItIs() throws Exception {
        assertThat(json.readValue("{\"accountId\":\"a-9\",\"email\":\"old@example.org\",\"role\":\"r\"}", Invited.class).email())
                .isEqualTo("old@example.org");
    }

    @Test
    void aMarkingThatNamesNoComponentFailsInsteadOfWritingInClear() {
        assertThatThrownBy(() -> json.writeValueAsString(new Wrong("a-1", "Jane"))).hasMessageContaining("personId");
    }

    @Test
    void aMapperWithoutKeysRefusesPersonalData() {
        ObjectMapper withoutKeys = JsonMapper.builder().addModule(new PersonalDataModule(PersonalDataKeys.NONE)).build();
        assertThatThrownBy(() -> withoutKeys.writeValueAsString(new Invited("a-1", "x@example.org", "r")))
                .hasMessageContaining("no key store");
    }
}
