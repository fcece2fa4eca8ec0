package org.icm.policy.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client without an account reads the vocabularies it needs, with the words people read, instead of copying them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VocabularyApiTest {

    @LocalServerPort
    int port;

    @Test
    void theRightsCatalogueIsAPublicRead() throws Exception {
        HttpResponse<String> rights = get("/rights");

        assertThat(rights.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(rights.body(), "$[*].code")).hasSize(28).contains("UNCRC-3", "UNCRC-18", "UNCRC-36",
                "CHARTER-24", "ECHR-8");
        assertThat(JsonPath.<List<String>>read(rights.body(), "$[?(@.code=='UNCRC-18')].title"))
                .containsExactly("Parental responsibilities and state assistance");
        assertThat(rights.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("public"));
    }

    @Test
    void everyVocabularyComesWithItsWordsInEnglishAndFrench() throws Exception {
        HttpResponse<String> vocabulary = get("/vocabulary");

        assertThat(vocabulary.statusCode()).isEqualTo(200);
        String body = vocabulary.body();
        assertThat(JsonPath.<List<String>>read(body, "$.stages[?(@.code=='IN_APPLICATION')].words.fr")).containsExactly("En application");
        assertThat(JsonPath.<List<String>>read(body, "$.stages[?(@.exit==true)].code")).containsExactly("WITHDRAWN", "LAPSED");
        assertThat(JsonPath.<List<String>>read(body, "$.policyAreas[?(@.code=='FAMILY_REUNIFICATION')].words.en"))
                .containsExactly("Family reunification");
        assertThat(JsonPath.<List<String>>read(body, "$.measureTypes[?(@.code=='DIRECTIVE')].words.fr")).containsExactly("Directive");
        assertThat(JsonPath.<List<String>>read(body, "$.countries[?(@.code=='BE')].words.fr")).containsExactly("Belgique");
        assertThat(JsonPath.<List<String>>read(body, "$.rights[*].code")).hasSize(28);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
